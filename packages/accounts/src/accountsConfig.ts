/**
 * The environment variables of accounts, as a zod object the server's config.ts can merge
 * into its own (`EnvSchema.extend(ACCOUNTS_ENV.shape)`), and the rules between them
 * (`readAccountsConfig`), which a plain object schema cannot carry through `.extend`.
 */
import { z } from "zod";

/** Shorter secrets are guessable offline from one signed cookie (better-auth warns below 32). */
export const MIN_AUTH_SECRET_LENGTH = 32;

const DOMAIN = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export const ACCOUNTS_ENV = z.object({
  /** Signs session cookies and encrypts OAuth state; unset: generated once and kept in the store. */
  AUTH_SECRET: z
    .string()
    .min(MIN_AUTH_SECRET_LENGTH, `must be at least ${MIN_AUTH_SECRET_LENGTH} characters`)
    .optional(),
  /** Whether anyone may create an email + password account (see createAccounts.ts for why true). */
  ALLOW_SIGNUP: z.stringbool().default(true),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/]+/,
      "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587",
    )
    .optional(),
  /** Sender of mail (reset, verification and invitation links), e.g. `Journeymap <maps@example.com>`. */
  MAIL_FROM: z.string().min(3).optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional(),
  /** What the sign-in button calls the provider: "Sign in with <name>". */
  OIDC_NAME: z.string().trim().min(1).max(60).default("single sign-on"),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Comma-separated email domains single sign-on admits; unset admits every domain. */
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase())
        .filter((domain) => domain !== ""),
    )
    .refine((domains) => domains.every((domain) => DOMAIN.test(domain)), "a comma list of domains")
    .optional(),
});

export type AccountsEnv = z.infer<typeof ACCOUNTS_ENV>;

export interface MailConfig {
  readonly smtpUrl: string;
  readonly from: string;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's name as people know it ("Okta", "Google Workspace"). */
  readonly name: string;
  /** Lower-case email domains admitted; empty admits all (the provider is then the only gate). */
  readonly allowedDomains: readonly string[];
}

export interface AccountsConfig {
  /** null: use the secret stored in the database (created on first start). */
  readonly secret: string | null;
  readonly allowSignUp: boolean;
  /** null: no mail; password resets are done by an admin, invitation links passed on by hand. */
  readonly mail: MailConfig | null;
  /** null: email + password only. */
  readonly oidc: OidcConfig | null;
}

export class AccountsConfigError extends Error {
  override name = "AccountsConfigError";
}

/** The configuration from already-parsed variables; throws naming the variables that disagree. */
export function readAccountsConfig(env: AccountsEnv): AccountsConfig {
  const oidcVars = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidcVars.some((v) => v !== undefined) && !oidcVars.every((v) => v !== undefined))
    throw new AccountsConfigError(
      "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three for single sign-on, or none",
    );
  if (env.OIDC_ALLOWED_DOMAINS !== undefined && env.OIDC_ISSUER === undefined)
    throw new AccountsConfigError("OIDC_ALLOWED_DOMAINS: needs OIDC_ISSUER");
  if (env.SMTP_URL !== undefined && env.MAIL_FROM === undefined)
    throw new AccountsConfigError("MAIL_FROM: required with SMTP_URL (the sender of mail)");
  return {
    secret: env.AUTH_SECRET ?? null,
    allowSignUp: env.ALLOW_SIGNUP,
    mail:
      env.SMTP_URL !== undefined && env.MAIL_FROM !== undefined
        ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }
        : null,
    oidc:
      env.OIDC_ISSUER !== undefined &&
      env.OIDC_CLIENT_ID !== undefined &&
      env.OIDC_CLIENT_SECRET !== undefined
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            name: env.OIDC_NAME,
            allowedDomains: env.OIDC_ALLOWED_DOMAINS ?? [],
          }
        : null,
  };
}
