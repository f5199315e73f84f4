import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESET_REQUESTS_PER_EMAIL } from "../src/index.ts";
import { startMailServer, type TestMailServer } from "./support/testMailServer.ts";
import { openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";

const PASSWORD = "correct horse 1";
const NEW_PASSWORD = "a fresh new password";
const RESET_SUBJECT = "Reset your Journeymap password";

let mail: TestMailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(() => mail.close());

let t: TestAccounts;
beforeEach(async () => {
  mail.received.length = 0;
  t = await openTestAccounts("sqlite", {
    config: { mail: { smtpUrl: mail.url, from: "Journeymap <maps@journeymap.test>" } },
  });
  await new TestBrowser(t.accounts).signUp("ana@example.com", PASSWORD, "Ana");
});
afterEach(() => t.dispose());

const requestReset = (browser: TestBrowser, email: string) =>
  browser.post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });

describe("password reset by an emailed link", () => {
  it("answers the same for unknown and known emails, and mails only the known one", async () => {
    const browser = new TestBrowser(t.accounts);
    const unknown = await requestReset(browser, "nobody@example.com");
    const known = await requestReset(browser, "ana@example.com");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    await mail.waitForMail("ana@example.com", 60_000, RESET_SUBJECT);
    // Ana's sign-up mailed her a verification link too: count the reset mails.
    expect(mail.received.filter((m) => m.subject === RESET_SUBJECT)).toHaveLength(1);
  }, 90_000);

  it("resets the password through the link, signs out every session, and works once", async () => {
    const laptop = new TestBrowser(t.accounts);
    await laptop.signIn("ana@example.com", PASSWORD);
    const browser = new TestBrowser(t.accounts);
    await requestReset(browser, "ana@example.com");

    const message = await mail.waitForMail("ana@example.com", 60_000, RESET_SUBJECT);
    expect(message.from?.text).toContain("maps@journeymap.test");
    expect(message.subject).toBe(RESET_SUBJECT);
    const link = message.text?.match(/https?:\/\/\S+/)?.[0];
    expect(link).toBeDefined();

    // The link checks the token and sends the browser to the app's page with it.
    const opened = await browser.fetch(link!);
    expect(opened.status).toBe(302);
    const page = new URL(opened.headers.get("location")!, link);
    expect(page.pathname).toBe("/reset-password");
    const token = page.searchParams.get("token");
    expect(token).toBeTruthy();

    const reset = await browser.post("/api/auth/reset-password", {
      newPassword: NEW_PASSWORD,
      token,
    });
    expect(reset.status).toBe(200);
    expect(await t.accounts.sessionOf(laptop.headers())).toBeNull();
    expect((await browser.signIn("ana@example.com", PASSWORD)).status).toBe(401);
    expect((await browser.signIn("ana@example.com", NEW_PASSWORD)).status).toBe(200);

    const again = await browser.post("/api/auth/reset-password", {
      newPassword: "yet another one",
      token,
    });
    expect(again.status).toBe(400);
  }, 90_000);

  it(`answers 429 after ${RESET_REQUESTS_PER_EMAIL.max} requests for one email, known or not`, async () => {
    for (const email of ["ana@example.com", "nobody@example.com"]) {
      for (let i = 0; i < RESET_REQUESTS_PER_EMAIL.max; i++) {
        // A new address each time: the per-address flood limit is not what is tested here.
        expect((await requestReset(new TestBrowser(t.accounts), email)).status).toBe(200);
      }
      expect((await requestReset(new TestBrowser(t.accounts), email)).status).toBe(429);
    }
  }, 90_000);
});
