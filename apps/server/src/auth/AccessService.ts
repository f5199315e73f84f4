/**
 * Issues and checks access to maps: share links (owner, editor, commenter, viewer) and API
 * tokens, each a signed token naming a stored link, so the owner can list and revoke them.
 */
import { randomId } from "@journeymap/schema";
import type { LinkRecord, MapStore } from "../store/MapStore.ts";
import { type ApiAction, issueToken, type Role, TokenError, verifyToken } from "./tokens.ts";

export type Grant =
  | { readonly kind: "share"; readonly mapId: string; readonly linkId: string; readonly role: Role }
  | {
      readonly kind: "api";
      readonly mapId: string;
      readonly linkId: string;
      readonly actions: readonly ApiAction[];
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
  private readonly secret: Uint8Array;
  private readonly now: () => number;

  private constructor(store: MapStore, secret: Uint8Array, now: () => number) {
    this.store = store;
    this.secret = secret;
    this.now = now;
  }

  static async create(store: MapStore, now: () => number = Date.now): Promise<AccessService> {
    return new AccessService(store, await store.getSecret(), now);
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
      this.secret,
    );
    return { link, token };
  }

  /** The grant a token gives on `mapId`; throws AccessError with a reason a user can act on. */
  async authorize(token: string, mapId: string): Promise<Grant> {
    let claims: ReturnType<typeof verifyToken>;
    try {
      claims = verifyToken(token, this.secret, this.now());
    } catch (error) {
      throw new AccessError(error instanceof TokenError ? error.message : "Invalid token");
    }
    if (claims.mapId !== mapId) throw new AccessError("This link is for another map");
    const link = await this.store.getLink(claims.linkId);
    if (!link || link.mapId !== mapId) throw new AccessError("Unknown link");
    if (link.revokedAt !== null) throw new AccessError("This link was revoked");
    return claims.kind === "share"
      ? { kind: "share", mapId, linkId: link.id, role: claims.role }
      : { kind: "api", mapId, linkId: link.id, actions: claims.actions };
  }
}
