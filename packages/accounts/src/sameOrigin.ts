/**
 * CSRF defence for our own API's cookie-authenticated, state-changing requests (better-auth
 * guards its own routes the same way). We check the request's origin instead of issuing
 * double-submit tokens: every browser we support sends `Origin` on non-GET fetches (and
 * `Sec-Fetch-Site` on all of them), the check is stateless (nothing to store, share between
 * instances or thread through the web app), and the session cookie is `SameSite=Lax`, so
 * this is a second lock, not the only one. Bearer-token requests (CLI, API tokens) carry no
 * ambient credential and need no check: call this only when the request is authenticated by
 * the session cookie.
 */
import { SESSION_COOKIE } from "./betterAuthOptions.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const SESSION_COOKIE_IN_HEADER = new RegExp(
  `(?:^|;)\\s*(?:__Secure-)?${SESSION_COOKIE.replace(/\W/g, "\\$&")}=`,
);

/**
 * Whether a request carries our session cookie (valid or not): the server then holds it to
 * `isSameOrigin` when it changes state, whatever else authenticates it.
 */
export function carriesSessionCookie(headers: Headers): boolean {
  return SESSION_COOKIE_IN_HEADER.test(headers.get("cookie") ?? "");
}

/**
 * The origin requests must come from: the public URL's when one is configured, otherwise the
 * origin the request was addressed to (what better-auth trusts without a base URL too).
 */
export function expectedOrigin(request: Request, publicUrl: string | null): string {
  return new URL(publicUrl ?? request.url).origin;
}

/** Whether a cookie-authenticated request may change state: safe methods always may. */
export function isSameOrigin(request: Request, publicUrl: string | null): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  // "null" is what sandboxed frames and some redirects send: never ours.
  if (origin !== null) return origin === expectedOrigin(request, publicUrl);
  // Older browsers omit Origin on same-origin requests but send Fetch Metadata.
  return request.headers.get("sec-fetch-site") === "same-origin";
}
