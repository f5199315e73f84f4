/**
 * CSRF: a state-changing API request that carries the session cookie must come from our own
 * pages (packages/accounts/src/sameOrigin.ts says why an origin check and not tokens). It
 * holds for every route, whatever else authenticates the request: a route may use the session
 * beside a token (claiming a map), and a cookie the browser adds on its own is exactly what a
 * forged request relies on. Requests without the cookie (the CLI, integrations) are not
 * concerned. better-auth checks its own routes (/api/auth/*) the same way.
 */
import { AUTH_BASE_PATH, carriesSessionCookie } from "@journeymap/accounts";
import type { MiddlewareHandler } from "hono";

export function sameOriginSessions(isSameOrigin: (request: Request) => boolean): MiddlewareHandler {
  return async (c, next) => {
    // better-auth's routes keep its own rules (its OAuth callback comes from the provider).
    if (c.req.path.startsWith(`${AUTH_BASE_PATH}/`)) return next();
    if (carriesSessionCookie(c.req.raw.headers) && !isSameOrigin(c.req.raw))
      return c.json(
        { error: "Refused: a signed-in request from another site (cross-site request forgery)" },
        403,
      );
    await next();
  };
}
