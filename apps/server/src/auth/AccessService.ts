/**
 * Issues and checks access to maps: share links (owner, editor, commenter, viewer) and API
 * tokens, each a signed token naming a stored link, so the owner can list and revoke them.
 */
import { randomId } from "@journeymap/schema";
import type { LinkRecord, MapStore } from "../store/MapStore.ts";
import {
  type ApiAction,
  issueToken,
  type KeyRing,
  keyRing,
  type Role,
  type SigningKey,
  TokenError,
  verifyToken,
} from "./tokens.ts";

/** `expiresAt`: when the grant ends (ms since the epoch), null for never. */
export type Grant =
  | {
      readonly kind: "share";
      readonly mapId: string;
      readonly linkId: string;
      readonly role: Role;
      readonly expiresAt: number | null;
    }
  | {
      readonly kind: "api";
      readonly mapId: string;
      readonly linkId: string;
      readonly actions: readonly ApiAction[];
      readonly expiresAt: number | null;
    };

export class AccessError extends Error {
  override name = "AccessError";
}

export interface IssuedLink {
  readonly link: LinkRecord;
  readonly token: string;
}

export class AccessService {
  private readonly store: MapStore;
  private readonly keys: KeyRing;
  private readonly now: () => number;

  private constructor(store: MapStore, keys: KeyRing, now: () => number) {
    this.store = store;
    this.keys = keys;
    this.now = now;
  }

  /** `keys` come from SIGNING_SECRET(S); without them tokens are signed with the stored secret. */
  static async create(
    store: MapStore,
    now: () => number = Date.now,
    keys: readonly SigningKey[] = [],
  ): Promise<AccessService> {
    return new AccessService(store, keyRing(await store.getSecret(), keys), now);
  }

  async issue(
    mapId: string,
    access: { role: Role } | { actions: readonly ApiAction[] },
    label: string,
    expiresInMs: number | null,
  ): Promise<IssuedLink> {
    const createdAt = this.now();
    const expiresAt = expiresInMs === null ? null : createdAt + expiresInMs;
    const role = "role" in access ? access.role : "api";
    const link: LinkRecord = {
      id: randomId(),
      mapId,
      role,
      label,
      createdAt,
      expiresAt,
      revokedAt: null,
    };
    await this.store.createLink(link);
    const token = issueToken(
      "role" in access
        ? { kind: "share", mapId, linkId: link.id, role: access.role, expiresAt }
        : { kind: "api", mapId, linkId: link.id, actions: access.actions, expiresAt },
      this.keys.signing,
    );
    return { link, token };
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
    const expiresAt = earliest(claims.expiresAt, link.expiresAt);
    return claims.kind === "share"
      ? { kind: "share", mapId, linkId: link.id, role: claims.role, expiresAt }
      : { kind: "api", mapId, linkId: link.id, actions: claims.actions, expiresAt };
  }

  /** Whether a link still grants access (exists, not revoked, not expired): for live sockets. */
  async isLive(linkId: string): Promise<boolean> {
    const link = await this.store.getLink(linkId);
    return (
      link !== null &&
      link.revokedAt === null &&
      (link.expiresAt === null || link.expiresAt > this.now())
    );
  }
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
