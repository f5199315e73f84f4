/**
 * A real OpenID provider for tests: panva's oidc-provider (OpenID certified) on a loopback
 * port, with its development login and consent pages (any password; the login is the account
 * id) and a few people whose email the provider vouches for unless told otherwise. The accounts
 * tests drive it with a scripted browser, the e2e specs with Chromium.
 *
 * Its own entry (`@journeymap/testkit/openIdProvider`): most suites never need it, and
 * oidc-provider is not small.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "journeymap";
export const OIDC_CLIENT_SECRET = "a-client-secret-for-tests-only-0123456789";

export interface ProviderPerson {
  readonly email: string;
  readonly name: string;
  readonly emailVerified?: boolean;
}

export interface TestOpenIdProvider {
  readonly issuer: string;
  close(): Promise<void>;
}

/** Starts the provider; `redirectUri` (the app's callback) is the only redirect it allows. */
export async function startOpenIdProvider(
  redirectUri: string,
  people: Readonly<Record<string, ProviderPerson>>,
): Promise<TestOpenIdProvider> {
  let handle: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx, id) {
      const person = people[id];
      if (person === undefined) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name,
        }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["cookie-key-for-tests-only-0123456789"] },
    pkce: { required: () => true },
    // Seconds; stated so oidc-provider does not print a notice per artifact kind.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: true } },
  });
  handle = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
