/**
 * The HTTP side of access: the bearer token of a request, the grant it gives on a map (or the
 * 401 refusing it), and the rule for who may read a map over HTTP. Shared by every route file.
 */
import type { Context } from "hono";
import type { AccessService, Grant } from "@journeymap/access";
import { allows, READERS } from "@journeymap/protocol/http";

/** The token of `Authorization: Bearer <token>`, or "" without one. */
export function bearerToken(c: Context): string {
  return c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
}

/** The request's grant on `mapId`, or a 401 naming why the token was refused. */
export async function grantFor(
  access: AccessService,
  c: Context,
  mapId: string,
): Promise<Grant | Response> {
  const grant = await access.authorize(bearerToken(c), mapId).catch((e: Error) => e);
  return grant instanceof Error ? c.json({ error: grant.message }, 401) : grant;
}

/**
 * Any share link but a contributor's, or an API token with `map:read`, may read the map:
 * null when `grant` may, else the 403 saying why (`what`: "export the map", …).
 */
export function refuseNonReader(c: Context, grant: Grant, what: string): Response | null {
  if (allows(READERS, grant)) return null;
  return grant.kind === "api"
    ? c.json({ error: "This API token may not read the map" }, 403)
    : c.json({ error: `A ${grant.role} link cannot ${what}` }, 403);
}
