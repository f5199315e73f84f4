/**
 * Who may open which document, and as whom. The token must be a share link for exactly this
 * map (API tokens and contributor links have no sync access). On the map document viewers and
 * commenters get read-only connections; on the talk document (comments and inbox) only viewers
 * do. A read-only connection's updates are rejected by the server, never applied, never logged. Refusals happen in
 * onAuthenticate, before a document is created (refusing in onLoadDocument leaks it,
 * ueberdosis/hocuspocus#1156). The display name comes from the `name` parameter of the sync
 * URL; the server fixes it, and a colour, for the connection's lifetime (see Presence.ts).
 *
 * Comment authorship (until accounts replace it): a connection's identity is a digest, with the
 * server's secret, of the map and the `key` parameter, a random secret the browser keeps. The
 * same browser is the same author on a map across reconnects and links; someone else holding
 * the same commenter link is a different author and, not knowing the key, cannot become this
 * one (the id seen in the talk document cannot be turned back into the key). Without a usable
 * key a connection is an author of its own, for its lifetime. Display names stay free text:
 * two people may both call themselves "Ana", but their ids differ and only the server sets
 * them. The talk guard checks a commenter's comments against this identity.
 */
import type { connectedPayload, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { PALETTE, randomId } from "@journeymap/schema";
import { AccessError, type AccessService, type KeyedDigest, type Role } from "@journeymap/access";
import { canEdit, canSync, canTalk, parseDocumentName } from "@journeymap/protocol";
import { CloseError, type CloseReason } from "../limits.ts";
import type { MapStore } from "@journeymap/storage";

export interface ConnectionContext {
  readonly socketKey?: string;
  readonly author?: string;
  readonly role?: Role;
  readonly linkId?: string;
  /** When the link ends (ms since the epoch), null for never: LinkGuard.ts closes it then. */
  readonly expiresAt?: number | null;
  readonly name?: string;
  readonly colour?: string;
  /** Who writes comments on this connection (see above). */
  readonly authorId?: string;
}

/** Told to a talk connection once it is in, so the web app writes what the guard expects. */
export interface IdentityMessage {
  readonly kind: "identity";
  readonly name: string;
  readonly authorId: string;
  /** Editors and owners moderate (resolve threads); the web app shows them the means. */
  readonly role: Role;
}

/** A browser key shorter than this could be guessed; longer is not a key we issue. */
const BROWSER_KEY = /^[\w-]{16,128}$/;

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
  private readonly digest: KeyedDigest;
  private readonly closeSocket: (socketKey: unknown, kind: CloseReason) => void;

  constructor(
    store: MapStore,
    access: AccessService,
    digest: KeyedDigest,
    /** Closes a client's whole socket (WebSocketGate.closeSocket). */
    closeSocket: (socketKey: unknown, kind: CloseReason) => void = () => {},
  ) {
    this.store = store;
    this.access = access;
    this.digest = digest;
    this.closeSocket = closeSocket;
  }

  async onAuthenticate({
    documentName,
    token,
    connectionConfig,
    requestParameters,
    context,
  }: onAuthenticatePayload<ConnectionContext>): Promise<ConnectionContext> {
    const parsed = parseDocumentName(documentName);
    // Quoted as JSON: Hocuspocus prints this message, and the name is the client's.
    if (!parsed)
      throw new Error(`Invalid document name ${JSON.stringify(documentName.slice(0, 80))}`);
    const { mapId, kind } = parsed;
    const { socketKey } = context;
    if (!(await this.whileStoreAnswers(socketKey, () => this.store.hasMap(mapId))))
      throw new Error(`No such map: ${mapId}`);
    const grant = await this.whileStoreAnswers(socketKey, () =>
      this.access.authorize(token, mapId),
    );
    if (grant.kind !== "share") throw new Error("API tokens cannot open the live map");
    if (!canSync(grant.role))
      throw new Error("Contributor links can only submit to the inbox, not open the map");
    connectionConfig.readOnly = kind === "map" ? !canEdit(grant.role) : !canTalk(grant.role);
    const name = displayName(requestParameters.get("name"));
    const key = requestParameters.get("key") ?? "";
    const held = BROWSER_KEY.test(key) ? `browser:${key}` : `connection:${randomId()}`;
    return {
      authorId: this.digest("comment-author", mapId, held),
      author: name,
      role: grant.role,
      linkId: grant.linkId,
      expiresAt: grant.expiresAt,
      name,
      colour: colourFor(`${context.socketKey ?? ""}/${grant.linkId}`),
    };
  }

  /**
   * Runs the store reads of authentication. Hocuspocus answers any failure here with a refusal,
   * after which a provider never retries: a store that is down for a moment (PostgreSQL
   * restarting) would lock its users out until they reload. So a failure that is not a refusal
   * closes the socket instead, and the provider reconnects with its backoff.
   */
  private async whileStoreAnswers<T>(socketKey: unknown, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof AccessError) throw error;
      this.closeSocket(socketKey, "storeUnavailable");
      throw new CloseError("storeUnavailable");
    }
  }

  async connected({
    documentName,
    context,
    connection,
  }: connectedPayload<ConnectionContext>): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== "talk" || !context.authorId || !context.role)
      return;
    const message: IdentityMessage = {
      kind: "identity",
      name: context.name ?? "Guest",
      authorId: context.authorId,
      role: context.role,
    };
    connection.sendStateless(JSON.stringify(message));
  }
}
