/**
 * A real OpenID provider for tests: panva's oidc-provider (OpenID certified) on a loopback
 * port, with its development login and consent pages (any password; the login is the account
 * id) and a few people. `signInThroughProvider` drives the authorization-code flow as a
 * browser would: start at the app, log in and consent at the provider, land on the app's
 * callback.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { TestBrowser } from "./TestBrowser.ts";

export const CLIENT_ID = "journeymap";
export const CLIENT_SECRET = "a-client-secret-for-tests-only-0123456789";

export interface Person {
  readonly email: string;
  readonly name: string;
  readonly emailVerified?: boolean;
}

export interface TestOpenIdProvider {
  readonly issuer: string;
  close(): Promise<void>;
}

export async function startOpenIdProvider(
  redirectUri: string,
  people: Record<string, Person>,
): Promise<TestOpenIdProvider> {
  let handle: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
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

function formOf(html: string, login: string): { action: string; fields: Record<string, string> } {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (action === undefined) throw new Error(`the provider showed no form:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    fields[name!] = value!;
  if (html.includes('name="login"')) Object.assign(fields, { login, password: "any" });
  return { action: action.replaceAll("&amp;", "&"), fields };
}

/**
 * Signs `browser` in as the provider's account `login`; returns the app callback's answer
 * (a redirect to `callbackURL` with the session cookie, or to `errorCallbackURL`).
 */
export async function signInThroughProvider(
  browser: TestBrowser,
  login: string,
  urls = { callbackURL: "/maps", errorCallbackURL: "/sign-in" },
): Promise<Response> {
  const started = await browser.post("/api/auth/sign-in/social", { provider: "oidc", ...urls });
  if (started.status !== 200) throw new Error(`sign-in did not start: ${await started.text()}`);
  let url = ((await started.json()) as { url: string }).url;
  const provider = new URL(url).origin;
  let response = await browser.fetch(url);
  for (let step = 0; step < 20; step++) {
    const location = response.headers.get("location");
    if (location !== null) {
      url = new URL(location, url).href;
      if (new URL(url).origin !== provider) return browser.fetch(url);
      response = await browser.fetch(url);
      continue;
    }
    const { action, fields } = formOf(await response.text(), login);
    url = new URL(action, url).href;
    response = await browser.fetch(url, {
      method: "POST",
      origin: provider,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
  throw new Error("the sign-in did not come back to the app within 20 steps");
}
