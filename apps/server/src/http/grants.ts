/**
 * The HTTP side of access: the bearer token of a request, the grant it gives on a map (or the
 * 401 refusing it), and the rule for who may read a map over HTTP. Shared by every route file.
 */
import type { Context } from "hono";
import type { AccessService, Grant } from "../auth/AccessService.ts";

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
  if (grant.kind === "api" && !grant.actions.includes("map:read")) {
    return c.json({ error: "This API token may not read the map" }, 403);
  }
  if (grant.kind === "share" && grant.role === "contributor") {
    return c.json({ error: `A contributor link cannot ${what}` }, 403);
  }
  return null;
}
