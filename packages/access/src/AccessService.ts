/**
 * Issues and checks access to maps: share links (owner, editor, commenter, viewer) and API
 * tokens, each a signed token naming a stored link, so the owner can list and revoke them.
 * A map's policy has the last word: a trashed map opens by no link, and where a workspace
 * turned guest links off, only contributor links and API tokens still work.
 */
import { API_LINK_ROLE, canSync, isRole, ROLE } from "@journeymap/protocol";
import { randomId } from "@journeymap/schema";
import type {
  LinkRecord,
  LinkStore,
  MapPolicy,
  Secrets,
  WorkspaceSettingsStore,
} from "@journeymap/storage";
import {
  type ApiAction,
  issueToken,
  type KeyRing,
  keyRing,
  type Role,
  type SigningKey,
  type TokenClaims,
  TokenError,
  verifyToken,
} from "./tokens.ts";

/**
 * What a checked token grants on its map: the claims it carries, with `expiresAt` the earlier
 * of the token's and its link's end (ms since the epoch), null for never.
 */
export type Grant = TokenClaims;

/**
 * Why a token opens nothing: `invalid` (malformed, unknown, revoked, expired: 401 over HTTP),
 * `forbidden` (a valid link the map's workspace does not accept: 403), `gone` (the map is in
 * the trash: 410).
 */
export type AccessRefusal = "invalid" | "forbidden" | "gone";

export class AccessError extends Error {
  override name = "AccessError";
  readonly refusal: AccessRefusal;

  constructor(message: string, refusal: AccessRefusal = "invalid") {
    super(message);
    this.refusal = refusal;
  }
}

export const TRASHED_MAP = "This map is in the trash";
export const GUEST_LINKS_OFF =
  "Share links are turned off for this workspace's maps: sign in to open it";

/**
 * Whether a link with `role` (a share role, or "api") is a guest link: one that opens the map
 * (owner, editor, commenter, viewer), not a contributor's or an API token.
 */
export function isGuestLink(role: string): boolean {
  return role !== API_LINK_ROLE && canSync(role as Role);
}

/** What a map's policy says to a link with `role`: null if it may open the map. */
export function policyRefusal(policy: MapPolicy, role: string): AccessError | null {
  if (policy.deletedAt !== null) return new AccessError(TRASHED_MAP, "gone");
  if (isGuestLink(role) && !policy.guestLinks) return new AccessError(GUEST_LINKS_OFF, "forbidden");
  return null;
}

export interface IssuedLink {
  readonly link: LinkRecord;
  readonly token: string;
}

/** What a link grants: a role (share links) or HTTP actions (API tokens). */
export type LinkAccess = { role: Role } | { actions: readonly ApiAction[] };

/** The store AccessService reads: links, maps' policies and the stored signing secret. */
export type AccessStore = LinkStore & Secrets & Pick<WorkspaceSettingsStore, "mapPolicy">;

export class AccessService {
  private readonly store: AccessStore;
  private readonly keys: KeyRing;
  private readonly now: () => number;

  private constructor(store: AccessStore, keys: KeyRing, now: () => number) {
    this.store = store;
    this.keys = keys;
    this.now = now;
  }

  /** `keys` come from SIGNING_SECRET(S); without them tokens are signed with the stored secret. */
  static async create(
    store: AccessStore,
    now: () => number = Date.now,
    keys: readonly SigningKey[] = [],
  ): Promise<AccessService> {
    return new AccessService(store, keyRing(await store.getSecret(), keys), now);
  }

  /** Creates a link and returns it with its token; `createdBy`: the account, if one did. */
  async issue(
    mapId: string,
    access: LinkAccess,
    label: string,
    expiresInMs: number | null,
    createdBy: string | null = null,
  ): Promise<IssuedLink> {
    const link = this.newLink(mapId, access, label, expiresInMs, createdBy);
    await this.store.createLink(link);
    return { link, token: this.sign(link, access) };
  }

  /**
   * A live share link's token again (the owner's "Copy" in the share panel). A token is the
   * signed claims of its link, so it is signed anew and no token is ever stored. Only links
   * for guests (editor, commenter, viewer, contributor): owner links and API tokens are
   * credentials shown once. Null: no such live link of that kind on `mapId`.
   */
  async tokenOf(mapId: string, linkId: string): Promise<string | null> {
    const link = await this.store.getLink(linkId);
    if (!link || link.mapId !== mapId || link.revokedAt !== null) return null;
    if (link.expiresAt !== null && link.expiresAt <= this.now()) return null;
    if (!isRole(link.role) || link.role === ROLE.owner) return null;
    return this.sign(link, { role: link.role });
  }

  /**
   * The owner's link of a map about to be created, and its token: the store writes the link
   * with the map (MapCatalog.createMap), so a map never exists without its owner.
   */
  ownerLink(mapId: string, createdBy: string | null = null): IssuedLink {
    const access = { role: ROLE.owner };
    const link = this.newLink(mapId, access, "Owner", null, createdBy);
    return { link, token: this.sign(link, access) };
  }

  private newLink(
    mapId: string,
    access: LinkAccess,
    label: string,
    expiresInMs: number | null,
    createdBy: string | null,
  ): LinkRecord {
    const createdAt = this.now();
    return {
      id: randomId(),
      mapId,
      role: "role" in access ? access.role : API_LINK_ROLE,
      label,
      createdAt,
      expiresAt: expiresInMs === null ? null : createdAt + expiresInMs,
      revokedAt: null,
      createdBy,
    };
  }

  private sign(link: LinkRecord, access: LinkAccess): string {
    const { mapId, id: linkId, expiresAt } = link;
    return issueToken(
      "role" in access
        ? { kind: "share", mapId, linkId, role: access.role, expiresAt }
        : { kind: "api", mapId, linkId, actions: access.actions, expiresAt },
      this.keys.signing,
    );
  }

  /** The grant a token gives on `mapId`; throws AccessError with a reason a user can act on. */
  async authorize(token: string, mapId: string): Promise<Grant> {
    let claims: ReturnType<typeof verifyToken>;
    try {
      claims = verifyToken(token, this.keys, this.now());
    } catch (error) {
      throw new AccessError(error instanceof TokenError ? error.message : "Invalid token");
    }
    if (claims.mapId !== mapId) throw new AccessError("This link is for another map");
    const link = await this.store.getLink(claims.linkId);
    if (!link || link.mapId !== mapId) throw new AccessError("Unknown link");
    if (link.revokedAt !== null) throw new AccessError("This link was revoked");
    if (link.expiresAt !== null && link.expiresAt <= this.now())
      throw new AccessError("Token expired");
    const policy = await this.store.mapPolicy(mapId);
    if (!policy) throw new AccessError("No such map");
    const refused = policyRefusal(policy, link.role);
    if (refused) throw refused;
    const expiresAt = earliest(claims.expiresAt, link.expiresAt);
    return claims.kind === "share"
      ? { kind: "share", mapId, linkId: link.id, role: claims.role, expiresAt }
      : { kind: "api", mapId, linkId: link.id, actions: claims.actions, expiresAt };
  }

  /**
   * Whether a link still grants access (exists, not revoked, not expired, and its map's policy
   * lets it in): for live sockets.
   */
  async isLive(linkId: string): Promise<boolean> {
    const link = await this.store.getLink(linkId);
    if (
      link === null ||
      link.revokedAt !== null ||
      (link.expiresAt !== null && link.expiresAt <= this.now())
    )
      return false;
    const policy = await this.store.mapPolicy(link.mapId);
    return policy !== null && policyRefusal(policy, link.role) === null;
  }
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
