/**
 * The HTTP side of access: who a request stands for on a map, and the rule for who may read a
 * map over HTTP. Shared by every route file. A request authenticates with a bearer token (a
 * share link's or an API token), or, without one, with the session of a signed-in person,
 * whose role on the map comes from their workspace or a share (requestAccount.ts).
 */
import type { Context } from "hono";
import { AccessError, type AccessService, type Grant } from "@journeymap/access";
import type { Role } from "@journeymap/protocol";
import { allows, READERS } from "@journeymap/protocol/http";
import { accountOf } from "./requestAccount.ts";

/** What a signed-in person's role on a map grants: what a link with that role would. */
export interface AccountGrant {
  readonly kind: "account";
  readonly mapId: string;
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly expiresAt: null;
}

export type RequestGrant = Grant | AccountGrant;

/** The token of `Authorization: Bearer <token>`, or "" without one. */
export function bearerToken(c: Context): string {
  return c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
}

/** The status of a refused token: invalid 401, refused by the map's workspace 403, trashed 410. */
const REFUSAL_STATUS = { invalid: 401, forbidden: 403, gone: 410 } as const;

/**
 * The request's grant on `mapId`, or the refusal: 401 naming why the token was refused (or
 * that none was sent), 403 when a signed-in person has no role on the map or the map's
 * workspace refuses the link, 410 when the map is in the trash.
 */
export async function grantFor(
  access: AccessService,
  c: Context,
  mapId: string,
): Promise<RequestGrant | Response> {
  const token = bearerToken(c);
  if (token === "") {
    const account = accountOf(c);
    const person = await account.person();
    if (person !== null) {
      const role = await account.roleOnMap(person.id, mapId);
      if (role === null) return c.json({ error: "You have no access to this map" }, 403);
      return {
        kind: "account",
        mapId,
        userId: person.id,
        name: person.name,
        role,
        expiresAt: null,
      };
    }
    return c.json({ error: "Send a token (Authorization: Bearer <token>), or sign in" }, 401);
  }
  const grant = await access.authorize(token, mapId).catch((e: Error) => e);
  if (!(grant instanceof Error)) return grant;
  const status = grant instanceof AccessError ? REFUSAL_STATUS[grant.refusal] : 401;
  return c.json({ error: grant.message }, status);
}

/** Who a grant is, in a refusal: "A viewer link", "Your role (viewer)", "This API token". */
export function grantHolder(grant: RequestGrant): string {
  if (grant.kind === "api") return "This API token";
  return grant.kind === "account" ? `Your role (${grant.role})` : `A ${grant.role} link`;
}

/**
 * Any share link but a contributor's, a person with such a role, or an API token with
 * `map:read`, may read the map: null when `grant` may, else the 403 saying why (`what`:
 * "export the map", …).
 */
export function refuseNonReader(c: Context, grant: RequestGrant, what: string): Response | null {
  if (allows(READERS, grant)) return null;
  return grant.kind === "api"
    ? c.json({ error: "This API token may not read the map" }, 403)
    : c.json({ error: `${grantHolder(grant)} cannot ${what}` }, 403);
}
