import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARGON2_OPTIONS } from "../src/index.ts";
import { eachBackend, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";
import { createWorkspace, invite } from "./support/workspaceCalls.ts";

const PASSWORD = "correct horse 1";

eachBackend("instance admins and admin resets", (backend) => {
  let t: TestAccounts;
  beforeEach(async () => {
    t = await openTestAccounts(backend);
  });
  afterEach(() => t.dispose());

  it("makes the first account of a fresh instance its admin, and later ones members", async () => {
    const first = new TestBrowser(t.accounts);
    const second = new TestBrowser(t.accounts);
    expect((await first.signUp("ana@example.com", PASSWORD)).status).toBe(200);
    expect((await second.signUp("bob@example.com", PASSWORD)).status).toBe(200);
    expect((await t.accounts.sessionOf(first.headers()))?.user.admin).toBe(true);
    expect((await t.accounts.sessionOf(second.headers()))?.user.admin).toBe(false);
  });

  it("creates people for the CLI, the first as admin, and hashes with argon2id at OWASP's parameters", async () => {
    const ana = await t.accounts.createUser({
      email: "Ana@Example.com",
      name: "Ana",
      password: PASSWORD,
    });
    const bob = await t.accounts.createUser({
      email: "bob@example.com",
      name: "Bob",
      password: PASSWORD,
    });
    const cy = await t.accounts.createUser({
      email: "cy@example.com",
      name: "Cy",
      password: PASSWORD,
      admin: true,
    });
    expect([ana.admin, bob.admin, cy.admin]).toEqual([true, false, true]);
    expect(ana.email).toBe("ana@example.com");
    expect((await new TestBrowser(t.accounts).signIn("bob@example.com", PASSWORD)).status).toBe(
      200,
    );

    const ctx = await t.accounts.auth.$context;
    const stored = (await ctx.internalAdapter.findCredentialAccount(bob.id))?.password ?? "";
    const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
    expect(stored).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${memoryCost},t=${timeCost},p=${parallelism}\\$`),
    );
    expect(memoryCost).toBe(19 * 1024);
  });

  it("an admin's reset replaces the password and signs the person out everywhere", async () => {
    const bob = await t.accounts.createUser({
      email: "bob@example.com",
      name: "Bob",
      password: PASSWORD,
    });
    const laptop = new TestBrowser(t.accounts);
    const phone = new TestBrowser(t.accounts);
    await laptop.signIn("bob@example.com", PASSWORD);
    await phone.signIn("bob@example.com", PASSWORD);

    await t.accounts.setPassword(bob.id, "a brand new secret");

    expect(await t.accounts.sessionOf(laptop.headers())).toBeNull();
    expect(await t.accounts.sessionOf(phone.headers())).toBeNull();
    expect((await laptop.signIn("bob@example.com", PASSWORD)).status).toBe(401);
    expect((await laptop.signIn("bob@example.com", "a brand new secret")).status).toBe(200);
  });

  it("lets an admin, and only an admin, reset over HTTP, which signs the person out too", async () => {
    const admin = new TestBrowser(t.accounts);
    await admin.signUp("ana@example.com", PASSWORD);
    const bobBrowser = new TestBrowser(t.accounts);
    await bobBrowser.signUp("bob@example.com", PASSWORD);
    const bob = (await t.accounts.sessionOf(bobBrowser.headers()))!.user;
    const cyBrowser = new TestBrowser(t.accounts);
    await cyBrowser.signUp("cy@example.com", PASSWORD);

    const byMember = await cyBrowser.post("/api/auth/admin/set-user-password", {
      userId: bob.id,
      newPassword: "chosen by cy!!",
    });
    expect(byMember.status).toBe(403);
    expect(await t.accounts.sessionOf(bobBrowser.headers())).not.toBeNull();

    const byAdmin = await admin.post("/api/auth/admin/set-user-password", {
      userId: bob.id,
      newPassword: "chosen by ana!",
    });
    expect(byAdmin.status).toBe(200);
    expect(await t.accounts.sessionOf(bobBrowser.headers())).toBeNull();
    expect((await bobBrowser.signIn("bob@example.com", "chosen by ana!")).status).toBe(200);
  });
});

describe("closed sign-up (ALLOW_SIGNUP=false)", () => {
  let t: TestAccounts;
  beforeEach(async () => {
    t = await openTestAccounts("sqlite", { config: { allowSignUp: false } });
  });
  afterEach(() => t.dispose());

  it("still admits the first account (the admin), then refuses strangers", async () => {
    expect((await new TestBrowser(t.accounts).signUp("ana@example.com", PASSWORD)).status).toBe(
      200,
    );
    const stranger = await new TestBrowser(t.accounts).signUp("eve@example.com", PASSWORD);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: "SIGN_UP_DISABLED" });
  });

  it("admits an address with a pending workspace invitation, and people an admin creates", async () => {
    const admin = new TestBrowser(t.accounts);
    await admin.signUp("ana@example.com", PASSWORD);
    const workspace = await createWorkspace(admin, "Acme");
    const invited = await invite(admin, workspace.id, "bob@example.com", "member");
    expect(invited.status).toBe(200);
    expect((await new TestBrowser(t.accounts).signUp("bob@example.com", PASSWORD)).status).toBe(
      200,
    );
    await t.accounts.createUser({ email: "cy@example.com", name: "Cy", password: PASSWORD });
    expect((await new TestBrowser(t.accounts).signIn("cy@example.com", PASSWORD)).status).toBe(200);
  });
});
