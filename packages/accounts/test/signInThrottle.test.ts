import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAILED_SIGN_INS_PER_ADDRESS, FAILED_SIGN_INS_PER_EMAIL } from "../src/index.ts";
import { openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";

const PASSWORD = "correct horse 1";

let t: TestAccounts;
beforeEach(async () => {
  t = await openTestAccounts("sqlite");
  await new TestBrowser(t.accounts).signUp("ana@example.com", PASSWORD);
});
afterEach(() => t.dispose());

async function failTimes(browser: TestBrowser, times: number, email: (i: number) => string) {
  for (let i = 0; i < times; i++) {
    const response = await browser.signIn(email(i), "wrong password");
    expect(response.status).toBe(401);
  }
}

describe("sign-in throttling", () => {
  it(`answers 429 after ${FAILED_SIGN_INS_PER_EMAIL.max} failures on one email, from any address, even with the right password`, async () => {
    const guesser = new TestBrowser(t.accounts);
    await failTimes(guesser, FAILED_SIGN_INS_PER_EMAIL.max, () => "ana@example.com");
    const throttled = await guesser.signIn("ana@example.com", PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe(
      String(FAILED_SIGN_INS_PER_EMAIL.windowMs / 1000),
    );
    expect(await throttled.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    // Spreading guesses over addresses does not help: the account's own counter is full.
    const elsewhere = await new TestBrowser(t.accounts).signIn("ana@example.com", PASSWORD);
    expect(elsewhere.status).toBe(429);
    expect(guesser.cookieHeader()).toBe("");
  });

  it("throttles an unknown email exactly like a known one", async () => {
    const guesser = new TestBrowser(t.accounts);
    await failTimes(guesser, FAILED_SIGN_INS_PER_EMAIL.max, () => "nobody@example.com");
    expect((await guesser.signIn("nobody@example.com", "anything at all")).status).toBe(429);
  });

  it("forgets an account's failures once its owner signs in", async () => {
    const owner = new TestBrowser(t.accounts);
    await failTimes(owner, FAILED_SIGN_INS_PER_EMAIL.max - 1, () => "ana@example.com");
    expect((await owner.signIn("ana@example.com", PASSWORD)).status).toBe(200);
    await failTimes(owner, FAILED_SIGN_INS_PER_EMAIL.max - 1, () => "ana@example.com");
    expect((await owner.signIn("ana@example.com", PASSWORD)).status).toBe(200);
  });

  it(`answers 429 after ${FAILED_SIGN_INS_PER_ADDRESS.max} failures from one address, whatever the emails`, async () => {
    const guesser = new TestBrowser(t.accounts);
    await failTimes(guesser, FAILED_SIGN_INS_PER_ADDRESS.max, (i) => `user${i}@example.com`);
    const throttled = await guesser.signIn("ana@example.com", PASSWORD);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    // Another address (another person) is not held back by it.
    expect((await new TestBrowser(t.accounts).signIn("ana@example.com", PASSWORD)).status).toBe(
      200,
    );
  });

  it("keeps counting when the server restarts or another instance answers", async () => {
    const guesser = new TestBrowser(t.accounts);
    await failTimes(guesser, FAILED_SIGN_INS_PER_EMAIL.max, () => "ana@example.com");
    const other = await t.reopen();
    expect((await new TestBrowser(other).signIn("ana@example.com", PASSWORD)).status).toBe(429);
  });
});

describe("no account enumeration on sign-in", () => {
  it("answers an unknown email and a wrong password with the same status, body and time", async () => {
    const browser = new TestBrowser(t.accounts);
    const unknown = await browser.signIn("nobody@example.com", "wrong password");
    const wrong = await browser.signIn("ana@example.com", "wrong password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(await wrong.text()).toBe(await unknown.text());

    // Both hash a password once (argon2id): time them alternately, compare medians.
    const times = { unknown: [] as number[], wrong: [] as number[] };
    for (let i = 0; i < 6; i++) {
      for (const kind of ["unknown", "wrong"] as const) {
        const email = kind === "unknown" ? `nobody${i}@example.com` : "ana@example.com";
        const start = performance.now();
        await new TestBrowser(t.accounts).signIn(email, "wrong password");
        times[kind].push(performance.now() - start);
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(times.unknown) / median(times.wrong);
    console.info(
      `sign-in refusal, median: unknown email ${median(times.unknown).toFixed(1)} ms, wrong password ${median(times.wrong).toFixed(1)} ms`,
    );
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
