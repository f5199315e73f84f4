/**
 * Who may open which document, and as whom. The token must be a share link for exactly this
 * map (API tokens and contributor links have no sync access). On the map document viewers and
 * commenters get read-only connections; on the talk document (comments and inbox) only viewers
 * do. A read-only connection's updates are rejected by the server, never applied, never logged. Refusals happen in
 * onAuthenticate, before a document is created (refusing in onLoadDocument leaks it,
 * ueberdosis/hocuspocus#1156). The display name comes from the `name` parameter of the sync
 * URL; the server fixes it, and a colour, for the connection's lifetime (see presence.ts).
 */
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { PALETTE } from "@journeymap/schema";
import type { AccessService } from "../auth/AccessService.ts";
import { canEdit, canSync, canTalk, type Role } from "../auth/tokens.ts";
import { parseDocumentName } from "../documentName.ts";
import type { MapStore } from "../store/MapStore.ts";

export interface ConnectionContext {
  readonly socketKey?: string;
  readonly author?: string;
  readonly role?: Role;
  readonly linkId?: string;
  readonly name?: string;
  readonly colour?: string;
}

const MAX_NAME = 40;

export function displayName(raw: string | null): string {
  const name = (raw ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, MAX_NAME);
  return name || "Guest";
}

/** People's colours carry white labels (avatars, carets): leave out the palette's yellow. */
const PEOPLE_COLOURS = PALETTE.filter((c) => c !== "#f0e442");

function colourFor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return PEOPLE_COLOURS[Math.abs(h) % PEOPLE_COLOURS.length] as string;
}

export class Access implements Extension {
  readonly extensionName = "journeymap-access";
  private readonly store: MapStore;
  private readonly access: AccessService;

  constructor(store: MapStore, access: AccessService) {
    this.store = store;
    this.access = access;
  }

  async onAuthenticate({
    documentName,
    token,
    connectionConfig,
    requestParameters,
    context,
  }: onAuthenticatePayload<ConnectionContext>): Promise<ConnectionContext> {
    const parsed = parseDocumentName(documentName);
    if (!parsed) throw new Error(`Invalid document name: ${documentName.slice(0, 80)}`);
    const { mapId, kind } = parsed;
    if (!(await this.store.hasMap(mapId))) throw new Error(`No such map: ${mapId}`);
    const grant = await this.access.authorize(token, mapId);
    if (grant.kind !== "share") throw new Error("API tokens cannot open the live map");
    if (!canSync(grant.role))
      throw new Error("Contributor links can only submit to the inbox, not open the map");
    connectionConfig.readOnly = kind === "map" ? !canEdit(grant.role) : !canTalk(grant.role);
    const name = displayName(requestParameters.get("name"));
    return {
      author: name,
      role: grant.role,
      linkId: grant.linkId,
      name,
      colour: colourFor(`${context.socketKey ?? ""}/${grant.linkId}`),
    };
  }
}
