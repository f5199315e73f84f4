import { afterEach, describe, expect, it } from "vitest";
import { openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";

let t: TestAccounts | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

function sessionCookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (line === undefined) throw new Error("no session cookie was set");
  return line;
}

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and not Secure over http", async () => {
    t = await openTestAccounts("sqlite", { publicUrl: "http://journeymap.test" });
    const response = await new TestBrowser(t.accounts).signUp("ana@example.com", "correct horse 1");
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/^journeymap\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("is Secure, with the __Secure- prefix, when the public URL is https", async () => {
    const appUrl = "https://maps.example.com";
    t = await openTestAccounts("sqlite", { publicUrl: appUrl });
    const response = await new TestBrowser(t.accounts, { appUrl }).signUp(
      "ana@example.com",
      "correct horse 1",
    );
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/^__Secure-journeymap\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });

  it("is answered with the signed-in person by sessionOf, and with null once signed out", async () => {
    t = await openTestAccounts("sqlite");
    const browser = new TestBrowser(t.accounts);
    await browser.signUp("ana@example.com", "correct horse 1", "Ana");
    expect((await t.accounts.sessionOf(browser.headers()))?.user).toMatchObject({
      name: "Ana",
      email: "ana@example.com",
    });
    expect((await browser.post("/api/auth/sign-out", {})).status).toBe(200);
    expect(browser.cookieHeader()).toBe("");
    expect(await t.accounts.sessionOf(browser.headers())).toBeNull();
  });
});
