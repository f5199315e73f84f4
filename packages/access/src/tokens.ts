/**
 * Signed, role-scoped, expiring share tokens: `jm1.<payload>.<signature>`, the payload being
 * base64url JSON `{ m: mapId, l: linkId, r: role, e: expiresAt | null, a?: actions, k?: keyId }`
 * and the signature an HMAC-SHA256 of it with the key `k` names. A token names its map, so a
 * token for one map opens no other; it names its link, so revoking the link revokes the token.
 * It names its key so keys can rotate: tokens without `k` (issued before keys came from the
 * environment) verify with the secret stored in the database.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

import { API_ACTIONS, API_LINK_ROLE, type ApiAction, ROLES, type Role } from "@journeymap/protocol";

export type { ApiAction, Role };

export type TokenClaims =
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

const PREFIX = "jm1";

/** A signing key; `id` null is the secret stored in the database (tokens without a key id). */
export interface SigningKey {
  readonly id: string | null;
  readonly secret: Uint8Array;
}

/** The key new tokens are signed with, and every key that still verifies, by id. */
export interface KeyRing {
  readonly signing: SigningKey;
  readonly verifying: ReadonlyMap<string | null, Uint8Array>;
}

/**
 * The ring of configured keys (the first signs, the rest verify during a rotation), or of the
 * stored secret alone when none is configured. The stored secret always verifies tokens that
 * name no key, so links shared before keys came from the environment keep working.
 */
export function keyRing(stored: Uint8Array, configured: readonly SigningKey[] = []): KeyRing {
  const verifying = new Map<string | null, Uint8Array>([[null, stored]]);
  for (const key of configured) verifying.set(key.id, key.secret);
  return { signing: configured[0] ?? { id: null, secret: stored }, verifying };
}

function sign(payload: string, secret: Uint8Array): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueToken(claims: TokenClaims, key: SigningKey): string {
  const body =
    claims.kind === "share"
      ? { m: claims.mapId, l: claims.linkId, r: claims.role, e: claims.expiresAt }
      : {
          m: claims.mapId,
          l: claims.linkId,
          r: API_LINK_ROLE,
          a: claims.actions,
          e: claims.expiresAt,
        };
  const payload = Buffer.from(
    JSON.stringify(key.id === null ? body : { ...body, k: key.id }),
  ).toString("base64url");
  return `${PREFIX}.${payload}.${sign(payload, key.secret)}`;
}

export class TokenError extends Error {
  override name = "TokenError";
}

/** The claims of a well-formed, correctly signed, unexpired token; throws TokenError otherwise. */
export function verifyToken(token: string, keys: KeyRing, now: number): TokenClaims {
  if (typeof token !== "string" || token.length > 2048) throw new TokenError("Malformed token");
  const [prefix, payload, signature, ...rest] = token.split(".");
  if (prefix !== PREFIX || !payload || !signature || rest.length > 0)
    throw new TokenError("Malformed token");
  // The payload is read before its signature is checked, only to find the key that signs it.
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
  } catch {
    throw new TokenError("Malformed token");
  }
  if (typeof body !== "object" || body === null) throw new TokenError("Malformed token");
  const keyId = body.k === undefined ? null : body.k;
  if (keyId !== null && typeof keyId !== "string") throw new TokenError("Malformed token");
  const secret = keys.verifying.get(keyId);
  if (!secret) throw new TokenError("Token signed with a retired or unknown key");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new TokenError("Invalid token signature");
  }
  const expiresAt = typeof body.e === "number" ? body.e : null;
  if (expiresAt !== null && expiresAt <= now) throw new TokenError("Token expired");
  if (typeof body.m !== "string" || typeof body.l !== "string")
    throw new TokenError("Malformed token");
  if (body.r === API_LINK_ROLE) {
    const actions = Array.isArray(body.a)
      ? body.a.filter((a): a is ApiAction => API_ACTIONS.includes(a))
      : [];
    return { kind: "api", mapId: body.m, linkId: body.l, actions, expiresAt };
  }
  if (!ROLES.includes(body.r as Role)) throw new TokenError("Malformed token");
  return { kind: "share", mapId: body.m, linkId: body.l, role: body.r as Role, expiresAt };
}
