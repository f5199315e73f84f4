/**
 * The OpenID provider of the tests (testkit's: panva's oidc-provider with its development
 * login and consent pages), and `signInThroughProvider`, which drives the authorization-code
 * flow as a browser would: start at the app, log in and consent at the provider, land on the
 * app's callback.
 */
import type { TestBrowser } from "./TestBrowser.ts";

export {
  OIDC_CLIENT_ID as CLIENT_ID,
  OIDC_CLIENT_SECRET as CLIENT_SECRET,
  type ProviderPerson as Person,
  startOpenIdProvider,
  type TestOpenIdProvider,
} from "@journeymap/testkit/openIdProvider";

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
