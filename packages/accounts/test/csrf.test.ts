import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carriesSessionCookie, isSameOrigin } from "../src/index.ts";
import { APP_URL, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";

const EVIL = "http://evil.example";

let t: TestAccounts;
beforeAll(async () => {
  t = await openTestAccounts("sqlite");
  await new TestBrowser(t.accounts).signUp("ana@example.com", "correct horse 1");
});
afterAll(() => t.dispose());

describe("better-auth's routes refuse cross-origin requests", () => {
  it("refuses a sign-in posted from another origin, and sets no cookie", async () => {
    const browser = new TestBrowser(t.accounts);
    const response = await browser.post(
      "/api/auth/sign-in/email",
      { email: "ana@example.com", password: "correct horse 1" },
      { origin: EVIL },
    );
    expect(response.status).toBe(403);
    expect(browser.cookieHeader()).toBe("");
  });

  it("refuses a cross-site form navigation that would sign the victim in (login CSRF)", async () => {
    const browser = new TestBrowser(t.accounts);
    const response = await browser.fetch("/api/auth/sign-in/email", {
      method: "POST",
      origin: null,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
        "sec-fetch-mode": "navigate",
        "sec-fetch-dest": "document",
      },
      body: "email=ana%40example.com&password=correct+horse+1",
    });
    expect(response.status).toBe(403);
    expect(browser.cookieHeader()).toBe("");
  });

  it("refuses a sign-out posted from another origin, and the session stays", async () => {
    const browser = new TestBrowser(t.accounts);
    expect((await browser.signIn("ana@example.com", "correct horse 1")).status).toBe(200);
    const response = await browser.post("/api/auth/sign-out", {}, { origin: EVIL });
    expect(response.status).toBe(403);
    expect(await t.accounts.sessionOf(browser.headers())).not.toBeNull();
  });
});

describe("isSameOrigin, for our own API's cookie-authenticated requests", () => {
  const request = (
    method: string,
    headers: Record<string, string> = {},
    url = `${APP_URL}/api/maps`,
  ) => new Request(url, { method, headers });

  it("lets safe methods through from anywhere", () => {
    expect(isSameOrigin(request("GET", { origin: EVIL }), APP_URL)).toBe(true);
    expect(t.accounts.isSameOrigin(request("HEAD"))).toBe(true);
  });

  it("accepts a state-changing request from the public origin", () => {
    expect(t.accounts.isSameOrigin(request("POST", { origin: APP_URL }))).toBe(true);
    expect(isSameOrigin(request("DELETE", { origin: APP_URL }), APP_URL)).toBe(true);
  });

  it("refuses one from another origin, from an opaque origin, or with no sign of its origin", () => {
    expect(t.accounts.isSameOrigin(request("POST", { origin: EVIL }))).toBe(false);
    expect(isSameOrigin(request("PUT", { origin: "null" }), APP_URL)).toBe(false);
    expect(isSameOrigin(request("PATCH"), APP_URL)).toBe(false);
    expect(isSameOrigin(request("POST", { "sec-fetch-site": "cross-site" }), APP_URL)).toBe(false);
  });

  it("accepts Fetch Metadata's same-origin when a browser sends no Origin", () => {
    expect(isSameOrigin(request("POST", { "sec-fetch-site": "same-origin" }), APP_URL)).toBe(true);
  });

  it("compares with the request's own origin when no public URL is configured", () => {
    const url = "http://127.0.0.1:8080/api/maps";
    expect(isSameOrigin(request("POST", { origin: "http://127.0.0.1:8080" }, url), null)).toBe(
      true,
    );
    expect(isSameOrigin(request("POST", { origin: "http://127.0.0.1:9090" }, url), null)).toBe(
      false,
    );
  });
});

describe("carriesSessionCookie, which decides when the server applies isSameOrigin", () => {
  const carries = (cookie: string) => carriesSessionCookie(new Headers({ cookie }));

  it("finds our session cookie among others, with or without the __Secure- prefix", () => {
    expect(carries("journeymap.session_token=abc")).toBe(true);
    expect(carries("theme=dark; __Secure-journeymap.session_token=abc")).toBe(true);
    expect(carries("theme=dark;journeymap.session_token=abc")).toBe(true);
  });

  it("ignores other cookies, look-alikes and requests without cookies", () => {
    expect(carriesSessionCookie(new Headers())).toBe(false);
    expect(carries("journeymapXsession_token=abc")).toBe(false);
    expect(carries("other.journeymap.session_token=abc")).toBe(false);
    expect(carries("journeymap.session_data=abc")).toBe(false);
  });
});
