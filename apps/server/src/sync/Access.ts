/**
 * Who may open which document, and as whom. Two ways in:
 * - A share link's token for exactly this map (API tokens and contributor links have no sync
 *   access): the link's role. LinkGuard ends the connection when the link ends.
 * - No token, and the session cookie of a signed-in person on the WebSocket upgrade (from our
 *   own origin: a page elsewhere cannot open a socket with it): their role on the map from
 *   their workspace or a share (AccountRoles). AccountGuard ends or downgrades it live.
 * On the map document viewers and commenters get read-only connections; on the talk document
 * (comments and inbox) only viewers do. A read-only connection's updates are rejected by the
 * server, never applied, never logged. Refusals happen in onAuthenticate, before a document is
 * created (refusing in onLoadDocument leaks it, ueberdosis/hocuspocus#1156).
 *
 * Identity (people/identity.ts), fixed for the connection's lifetime: a signed-in person is
 * their account, whichever way they came in (their name, their colour, their id on what they
 * write). Anyone else is a guest: the name comes from the `name` parameter of the sync URL,
 * and the id is a digest, with the server's secret, of the map and the `key` parameter, a
 * random secret the browser keeps. The same browser is the same guest on a map across
 * reconnects and links; someone else holding the same link is a different guest and, not
 * knowing the key, cannot become this one (the id cannot be turned back into the key).
 * Without a usable key a guest is one of their own for the connection's lifetime. The talk
 * guard checks comments against this identity; Persistence logs it as each update's author.
 */
import type { connectedPayload, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { Accounts, AccountUser } from "@journeymap/accounts";
import { expectedOrigin } from "@journeymap/accounts";
import { randomId } from "@journeymap/schema";
import { AccessError, type AccessService, type KeyedDigest, type Role } from "@journeymap/access";
import { canEdit, canSync, canTalk, parseDocumentName } from "@journeymap/protocol";
import { CloseError, type CloseReason } from "../limits.ts";
import type { MapStore } from "@journeymap/storage";
import type { AccountRoles } from "../people/accountRoles.ts";
import { accountIdentity, displayName, guestIdentity, type Identity } from "../people/identity.ts";

export interface ConnectionContext {
  readonly socketKey?: string;
  /** What the log records as the author of this connection's updates (people/identity.ts). */
  readonly author?: string;
  readonly role?: Role;
  /** Where the role came from: a link (LinkGuard guards it) or an account (AccountGuard). */
  readonly roleFrom?: "link" | "account";
  readonly linkId?: string;
  /** When the link ends (ms since the epoch), null for never: LinkGuard.ts closes it then. */
  readonly expiresAt?: number | null;
  /** The signed-in person's account id; absent for guests. */
  readonly userId?: string;
  readonly name?: string;
  readonly colour?: string;
  readonly guest?: boolean;
  /** Who writes comments on this connection: the identity's id (see above). */
  readonly authorId?: string;
}

/** Told to a talk connection once it is in, so the web app writes what the guard expects. */
export interface IdentityMessage {
  readonly kind: "identity";
  readonly name: string;
  readonly authorId: string;
  /** A guest by a link (not a signed-in person): shown as one. */
  readonly guest: boolean;
  /** Editors and owners moderate (resolve threads); the web app shows them the means. */
  readonly role: Role;
}

/** A browser key shorter than this could be guessed; longer is not a key we issue. */
const BROWSER_KEY = /^[\w-]{16,128}$/;

export interface AccessOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly digest: KeyedDigest;
  /** Who is signed in on an upgrade request; null: links only (tests of the link path). */
  readonly accounts: Pick<Accounts, "sessionOf"> | null;
  readonly roles: AccountRoles;
  /** The server's public URL: cookies are honoured only on upgrades from its origin. */
  readonly publicUrl: string | null;
  /** Closes a client's whole socket (WebSocketGate.closeSocket). */
  readonly closeSocket?: (socketKey: unknown, kind: CloseReason) => void;
}

interface Admission {
  readonly role: Role;
  readonly roleFrom: "link" | "account";
  readonly linkId?: string;
  readonly expiresAt: number | null;
}

export class Access implements Extension {
  readonly extensionName = "journeymap-access";
  private readonly options: AccessOptions;
  private readonly closeSocket: (socketKey: unknown, kind: CloseReason) => void;

  constructor(options: AccessOptions) {
    this.options = options;
    this.closeSocket = options.closeSocket ?? (() => {});
  }

  async onAuthenticate({
    documentName,
    token,
    connectionConfig,
    requestParameters,
    request,
    context,
  }: onAuthenticatePayload<ConnectionContext>): Promise<ConnectionContext> {
    const parsed = parseDocumentName(documentName);
    // Quoted as JSON: Hocuspocus prints this message, and the name is the client's.
    if (!parsed)
      throw new Error(`Invalid document name ${JSON.stringify(documentName.slice(0, 80))}`);
    const { mapId, kind } = parsed;
    const { socketKey } = context;
    const { store } = this.options;
    if (!(await this.whileStoreAnswers(socketKey, () => store.hasMap(mapId))))
      throw new Error(`No such map: ${mapId}`);
    const person = await this.whileStoreAnswers(socketKey, () => this.signedIn(request));
    const admitted = await this.whileStoreAnswers(socketKey, () =>
      token === "" && person !== null ? this.byAccount(person, mapId) : this.byLink(token, mapId),
    );
    connectionConfig.readOnly = kind === "map" ? !canEdit(admitted.role) : !canTalk(admitted.role);
    const identity = person
      ? accountIdentity(person)
      : this.guest(mapId, requestParameters, `${socketKey ?? ""}/${admitted.linkId ?? ""}`);
    return {
      ...admitted,
      ...(person ? { userId: person.id } : {}),
      author: identity.author,
      authorId: identity.id,
      name: identity.name,
      colour: identity.colour,
      guest: identity.guest,
    };
  }

  private async byLink(token: string, mapId: string): Promise<Admission> {
    const grant = await this.options.access.authorize(token, mapId);
    if (grant.kind !== "share") throw new AccessError("API tokens cannot open the live map");
    if (!canSync(grant.role))
      throw new AccessError("Contributor links can only submit to the inbox, not open the map");
    return {
      role: grant.role,
      roleFrom: "link",
      linkId: grant.linkId,
      expiresAt: grant.expiresAt,
    };
  }

  private async byAccount(person: AccountUser, mapId: string): Promise<Admission> {
    const role = await this.options.roles.roleOnMap(person.id, mapId);
    if (role === null) throw new AccessError("You have no access to this map");
    if (!canSync(role)) throw new AccessError("Your role cannot open the map");
    return { role, roleFrom: "account", expiresAt: null };
  }

  /**
   * The signed-in person of an upgrade request, or null. Only from our own origin: browsers
   * send cookies on a WebSocket opened by any page, so another site's page could otherwise
   * open maps as the person visiting it. Clients that send no Origin are not browsers.
   */
  private async signedIn(request: Request): Promise<AccountUser | null> {
    const { accounts, publicUrl } = this.options;
    if (accounts === null) return null;
    const origin = request.headers.get("origin");
    if (origin !== null && origin !== expectedOrigin(request, publicUrl)) return null;
    return (await accounts.sessionOf(request.headers))?.user ?? null;
  }

  private guest(mapId: string, parameters: URLSearchParams, colourKey: string): Identity {
    const key = parameters.get("key") ?? "";
    const held = BROWSER_KEY.test(key) ? `browser:${key}` : `connection:${randomId()}`;
    const digest = this.options.digest("comment-author", mapId, held);
    return guestIdentity(digest, displayName(parameters.get("name")), colourKey);
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
      guest: context.guest ?? true,
      role: context.role,
    };
    connection.sendStateless(JSON.stringify(message));
  }
}
