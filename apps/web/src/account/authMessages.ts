/**
 * What to tell people when better-auth refuses, in words that do not reveal whether an email
 * has an account: a wrong email and a wrong password read the same.
 */
import { AuthError } from "../api/authClient.ts";

export const WRONG_CREDENTIALS = "Email or password is wrong.";
export const TOO_MANY = "Too many attempts. Wait a few minutes, then try again.";

/** Errors better-auth sends back to the sign-in page after single sign-on (?error=…). */
const SINGLE_SIGN_ON: Readonly<Record<string, string>> = {
  DOMAIN_NOT_ALLOWED: "Your organisation's accounts cannot sign in here. Ask an admin.",
  SIGN_UP_DISABLED: "Sign-up is closed here: ask an admin for an account or an invitation.",
};

const BY_CODE: Readonly<Record<string, string>> = {
  INVALID_EMAIL_OR_PASSWORD: WRONG_CREDENTIALS,
  INVALID_EMAIL: "That is not an email address.",
  TOO_MANY_ATTEMPTS: TOO_MANY,
  PASSWORD_TOO_SHORT: "Use a longer password: at least 8 characters.",
  PASSWORD_TOO_LONG: "Use a shorter password: at most 128 characters.",
  USER_ALREADY_EXISTS: "An account with this email exists. Sign in, or reset its password.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    "An account with this email exists. Sign in, or reset its password.",
  INVALID_TOKEN: "This reset link is no longer valid. Ask for a new one.",
  ...SINGLE_SIGN_ON,
};

export function authMessage(error: unknown): string {
  if (error instanceof AuthError) {
    if (error.code && BY_CODE[error.code]) return BY_CODE[error.code] as string;
    if (error.status === 429) return TOO_MANY;
    // Sign-in refusals the code table does not know still never say which half was wrong.
    if (error.status === 401) return WRONG_CREDENTIALS;
    if (error.reason) return error.reason;
  }
  if (error instanceof TypeError) return "The server cannot be reached. Check your connection.";
  return (error as Error).message || "Something went wrong.";
}

/** The message for `?error=` on the sign-in page (single sign-on came back refused). */
export function singleSignOnMessage(code: string | null): string | null {
  if (code === null) return null;
  return SINGLE_SIGN_ON[code] ?? "Single sign-on did not complete. Try again, or ask an admin.";
}
