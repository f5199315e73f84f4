/**
 * Single sign-on for the browser specs: testkit's OpenID provider (a real, certified one),
 * the server's OIDC_* variables for it, and its development login and consent pages filled in
 * like any sign-in page (any password; the login is the account id).
 */
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  type ProviderPerson,
  startOpenIdProvider,
} from "@journeymap/testkit/openIdProvider";
import type { Page } from "playwright-core";

export interface OpenIdProvider {
  /** The server's OIDC_* variables for this provider, shown as `name` on the sign-in page. */
  serverEnv(name: string): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the provider for an app at `appUrl` (its callback is the only redirect allowed). */
export async function startProviderFor(
  appUrl: string,
  people: Readonly<Record<string, ProviderPerson>>,
): Promise<OpenIdProvider> {
  const provider = await startOpenIdProvider(`${appUrl}/api/auth/callback/oidc`, people);
  return {
    serverEnv: (name) => ({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      OIDC_NAME: name,
    }),
    close: () => provider.close(),
  };
}

/** On the provider's pages (after "Sign in with …"): log in as `login`, then consent. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  // The consent page, the first time this person meets the app.
  await page.locator('button[type="submit"]').click();
}
