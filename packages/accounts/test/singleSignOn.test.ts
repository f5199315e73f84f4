import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_BASE_PATH, OIDC_CALLBACK_PATH } from "../src/index.ts";
import { APP_URL, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  signInThroughProvider,
  startOpenIdProvider,
  type TestOpenIdProvider,
} from "./support/testOpenIdProvider.ts";

let provider: TestOpenIdProvider;
let t: TestAccounts;
beforeAll(async () => {
  provider = await startOpenIdProvider(`${APP_URL}${AUTH_BASE_PATH}${OIDC_CALLBACK_PATH}`, {
    ana: { email: "ana@acme.test", name: "Ana Lima" },
    eve: { email: "eve@evil.test", name: "Eve" },
    mallory: { email: "mallory@acme.test", name: "Mallory", emailVerified: false },
  });
  t = await openTestAccounts("sqlite", {
    config: {
      oidc: {
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        name: "Acme ID",
        allowedDomains: ["acme.test"],
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await t.dispose();
  await provider.close();
});

describe("single sign-on with OpenID Connect", () => {
  it("signs a person in through the provider and creates their account on first sign-in", async () => {
    expect(t.accounts.singleSignOn).toBe(true);
    const browser = new TestBrowser(t.accounts);
    const landed = await signInThroughProvider(browser, "ana");
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe("/maps");
    const signedIn = await t.accounts.sessionOf(browser.headers());
    expect(signedIn?.user).toMatchObject({ email: "ana@acme.test", name: "Ana Lima" });

    // The second time, the same account (no duplicate), on another device.
    const phone = new TestBrowser(t.accounts);
    await signInThroughProvider(phone, "ana");
    expect((await t.accounts.sessionOf(phone.headers()))?.user.id).toBe(signedIn?.user.id);
  }, 60_000);

  it("refuses a person whose email domain is not allowed, and creates no account", async () => {
    const browser = new TestBrowser(t.accounts);
    const landed = await signInThroughProvider(browser, "eve");
    expect(landed.status).toBe(302);
    const location = new URL(landed.headers.get("location")!, APP_URL);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("DOMAIN_NOT_ALLOWED");
    expect(await t.accounts.sessionOf(browser.headers())).toBeNull();
    const ctx = await t.accounts.auth.$context;
    expect(await ctx.internalAdapter.findUserByEmail("eve@evil.test")).toBeNull();
  }, 60_000);

  it("refuses an allowed domain the provider does not vouch for (email not verified)", async () => {
    const browser = new TestBrowser(t.accounts);
    const landed = await signInThroughProvider(browser, "mallory");
    expect(new URL(landed.headers.get("location")!, APP_URL).searchParams.get("error")).toBe(
      "DOMAIN_NOT_ALLOWED",
    );
    expect(await t.accounts.sessionOf(browser.headers())).toBeNull();
  }, 60_000);
});
