/**
 * better-auth's routes under /api/auth/* (sign-in, sessions, password resets, single sign-on,
 * workspaces), called with plain fetch: a dozen small calls do not need the library's client.
 * Bodies are JSON; the session is an HttpOnly cookie the browser sends by itself (same
 * origin), so no code here ever sees it. Every refusal is an AuthError carrying better-auth's
 * code (INVALID_EMAIL_OR_PASSWORD, TOO_MANY_ATTEMPTS…), which authMessages.ts puts in words.
 *
 * The answers are better-auth's, not our route table's: only the fields the app reads are
 * typed, and each is read defensively where it is shown.
 */
import { ApiError } from "./apiClient.ts";

const BASE = "/api/auth";

/** better-auth's shortest password; forms say it before the server has to refuse one. */
export const MIN_PASSWORD = 8;

export class AuthError extends ApiError {
  /** better-auth's error code, null when the answer had none. */
  readonly code: string | null;

  constructor(status: number, code: string | null, message: string | null) {
    super(status, message);
    this.name = "AuthError";
    this.code = code;
  }
}

type Query = Readonly<Record<string, string>>;

/** A GET when there is no body, else a JSON POST. */
export async function authCall<T>(
  path: string,
  options: { readonly body?: unknown; readonly query?: Query } = {},
): Promise<T> {
  const query = options.query ? `?${new URLSearchParams(options.query)}` : "";
  const post = options.body !== undefined;
  const res = await fetch(`${BASE}${path}${query}`, {
    method: post ? "POST" : "GET",
    headers: post ? { "content-type": "application/json" } : {},
    ...(post ? { body: JSON.stringify(options.body) } : {}),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) {
    const text = (key: string) => (typeof json?.[key] === "string" ? (json[key] as string) : null);
    throw new AuthError(res.status, text("code"), text("message"));
  }
  return json as T;
}

/** A session as "where you're signed in" lists it. */
export interface SessionRow {
  readonly id: string;
  /** better-auth lists it to its owner; revoking one session takes it. */
  readonly token?: string;
  readonly createdAt: string;
  readonly updatedAt?: string;
  readonly ipAddress?: string | null;
  readonly userAgent?: string | null;
}

export const signInWithEmail = (email: string, password: string) =>
  authCall<unknown>("/sign-in/email", { body: { email, password } });

export const signUpWithEmail = (name: string, email: string, password: string) =>
  authCall<unknown>("/sign-up/email", { body: { name, email, password } });

/** Starts single sign-on: the answer's url is the provider's sign-in page. */
export const startSingleSignOn = (callbackURL: string, errorCallbackURL: string) =>
  authCall<{ url?: string }>("/sign-in/social", {
    body: { provider: "oidc", callbackURL, errorCallbackURL },
  });

export const signOut = () => authCall<unknown>("/sign-out", { body: {} });

/** Always answers the same, whether the email has an account or not. */
export const requestPasswordReset = (email: string, redirectTo: string) =>
  authCall<unknown>("/request-password-reset", { body: { email, redirectTo } });

export const resetPassword = (token: string, newPassword: string) =>
  authCall<unknown>("/reset-password", { body: { token, newPassword } });

/** This device's session id (to mark it in the list), or null when signed out. */
export const currentSessionId = async () =>
  (await authCall<{ session?: { id?: string } } | null>("/get-session"))?.session?.id ?? null;

export const listSessions = () => authCall<SessionRow[]>("/list-sessions");

export const revokeSession = (token: string) =>
  authCall<unknown>("/revoke-session", { body: { token } });

/** Signs out every session, this one included. */
export const revokeAllSessions = () => authCall<unknown>("/revoke-sessions", { body: {} });
