/**
 * Single sign-on with one OpenID Connect provider configured from the environment, through
 * better-auth's generic OAuth plugin: discovery, PKCE, state and nonce, ID tokens verified
 * against the provider's keys, and accounts created on first sign-in (just in time). We chose
 * it over `@better-auth/sso`, which registers providers at run time in a table (per workspace,
 * with SAML and domain verification): more than one provider from the environment needs, and
 * a package that lags better-auth's releases. Browsers start at `POST /sign-in/social`
 * `{ provider: "oidc" }`; the provider redirects back to `/api/auth/callback/oidc`.
 */
import { type GenericOAuthUserInfo, genericOAuth } from "better-auth/plugins";
import type { OidcConfig } from "./accountsConfig.ts";

export const OIDC_PROVIDER_ID = "oidc";

/** The path (under the auth base path) the provider must allow as redirect URI. */
export const OIDC_CALLBACK_PATH = `/callback/${OIDC_PROVIDER_ID}`;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Whether single sign-on admits this identity. With a domain list, the provider must also
 * vouch for the address (`email_verified`): otherwise anyone who can type an address at the
 * provider could claim a domain. Domains match exactly (no subdomains).
 */
export function admitsIdentity(
  email: string | null | undefined,
  emailVerified: boolean,
  allowedDomains: readonly string[],
): boolean {
  if (!email?.includes("@")) return false;
  if (allowedDomains.length === 0) return true;
  return emailVerified && allowedDomains.includes(domainOf(email));
}

function nameOf(profile: GenericOAuthUserInfo): string {
  if (typeof profile.name === "string" && profile.name.trim() !== "") return profile.name;
  const email = typeof profile.email === "string" ? profile.email : "";
  return email.slice(0, Math.max(0, email.indexOf("@"))) || "Member";
}

export function singleSignOnPlugin(config: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: config.name,
        discoveryUrl: `${config.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scopes: ["openid", "email", "profile"],
        requireIdTokenVerification: true,
        mapProfileToUser: (profile) => ({ name: nameOf(profile) }),
      },
    ],
  });
}
