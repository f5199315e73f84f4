/**
 * Invitations to workspaces: mailed (a real SMTP server) when SMTP is configured, and
 * accepted only by the invited address, verified when mail can verify it (docs/SECURITY.md,
 * "Invitations"). Without SMTP the link, passed on by whoever invites, is the proof.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { invitationUrl, inviteGuest, WORKSPACE_ROLE } from "../src/index.ts";
import { startMailServer, type TestMailServer } from "./support/testMailServer.ts";
import { APP_URL, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";
import { createWorkspace, invite } from "./support/workspaceCalls.ts";

const PASSWORD = "correct horse 1";
const MAIL_WAIT_MS = 60_000;
const BUDGET_MS = 120_000;

let mail: TestMailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(() => mail.close());

let t: TestAccounts;
afterEach(() => t.dispose());

async function withMail(publicUrl: string | null = APP_URL): Promise<TestAccounts> {
  mail.received.length = 0;
  return openTestAccounts("sqlite", {
    publicUrl,
    config: { mail: { smtpUrl: mail.url, from: "Journeymap <maps@journeymap.test>" } },
  });
}

async function invitationId(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const accept = (browser: TestBrowser, id: string) =>
  browser.post("/api/auth/organization/accept-invitation", { invitationId: id });

const linkIn = (text: string | undefined) => text?.match(/https?:\/\/\S+/)?.[0];

/** Ana, the instance's first account, and her workspace Acme. */
async function anaAndAcme() {
  const ana = await TestBrowser.signedUp(t.accounts, "ana@example.com", PASSWORD);
  return { ana, workspace: await createWorkspace(ana, "Acme") };
}

describe("with SMTP", () => {
  it(
    "mails the invitation's link, and the invited person accepts once their address is verified",
    async () => {
      t = await withMail();
      const { ana, workspace } = await anaAndAcme();
      const id = await invitationId(
        await invite(ana, workspace.id, "bob@example.com", WORKSPACE_ROLE.member),
      );

      const invitation = await mail.waitForMail("bob@example.com", MAIL_WAIT_MS, "ana invited");
      expect(invitation.subject).toBe("ana invited you to Acme on Journeymap");
      expect(linkIn(invitation.text)).toBe(invitationUrl(APP_URL, id));
      expect(linkIn(invitation.text)).toBe(`${APP_URL}/invitations/${id}`);

      // Someone signs up with bob's address: the account matches but is not verified.
      const bob = await TestBrowser.signedUp(t.accounts, "bob@example.com", PASSWORD);
      expect((await accept(bob, id)).status).toBe(403);

      const verification = await mail.waitForMail("bob@example.com", MAIL_WAIT_MS, "Confirm");
      const opened = await bob.fetch(linkIn(verification.text)!);
      expect(opened.status).toBe(302);
      expect((await accept(bob, id)).status).toBe(200);
      const bobId = (await t.accounts.sessionOf(bob.headers()))!.user.id;
      expect((await t.accounts.workspacesOf(bobId)).map((w) => w.role)).toEqual([
        WORKSPACE_ROLE.member,
      ]);
    },
    BUDGET_MS,
  );

  it(
    "refuses a verified account of another address, and admits an admin-made account at once",
    async () => {
      t = await withMail();
      const { ana, workspace } = await anaAndAcme();
      const id = await invitationId(
        await invite(ana, workspace.id, "cy@example.com", WORKSPACE_ROLE.guest),
      );
      await t.accounts.createUser({ email: "dee@example.com", name: "Dee", password: PASSWORD });
      const dee = new TestBrowser(t.accounts);
      expect((await dee.signIn("dee@example.com", PASSWORD)).status).toBe(200);
      expect((await accept(dee, id)).status).toBe(403);

      await t.accounts.createUser({ email: "cy@example.com", name: "Cy", password: PASSWORD });
      const cy = new TestBrowser(t.accounts);
      expect((await cy.signIn("cy@example.com", PASSWORD)).status).toBe(200);
      expect((await accept(cy, id)).status).toBe(200);
    },
    BUDGET_MS,
  );

  it(
    "without PUBLIC_URL, links the origin the inviter's request was addressed to",
    async () => {
      t = await withMail(null);
      const { ana, workspace } = await anaAndAcme();
      const request = new Request("http://maps.example.org:8080/api/maps/m1/shares", {
        method: "POST",
        headers: ana.headers(),
      });
      const invited = await inviteGuest(t.accounts.auth, request, "eve@example.com", workspace.id);
      expect(invited.ok).toBe(true);
      const message = await mail.waitForMail("eve@example.com", MAIL_WAIT_MS);
      expect(linkIn(message.text)).toBe(
        `http://maps.example.org:8080/invitations/${invited.ok ? invited.invitationId : ""}`,
      );
    },
    BUDGET_MS,
  );
});

describe("without SMTP", () => {
  it(
    "lets the invited address accept by the link, unverified; only verified ones list theirs",
    async () => {
      t = await openTestAccounts("sqlite");
      const { ana, workspace } = await anaAndAcme();
      const forBob = await invitationId(
        await invite(ana, workspace.id, "bob@example.com", WORKSPACE_ROLE.member),
      );
      await invitationId(await invite(ana, workspace.id, "cy@example.com", WORKSPACE_ROLE.member));

      // Self-signed-up: unverified, so the pending invitations are not listed to bob; the link
      // the admin passed on is what lets him in.
      const bob = await TestBrowser.signedUp(t.accounts, "bob@example.com", PASSWORD);
      const listed = await bob.fetch("/api/auth/organization/list-user-invitations");
      expect(listed.status).toBe(403);
      expect((await accept(bob, forBob)).status).toBe(200);

      // Admin-made: verified, sees its invitations.
      await t.accounts.createUser({ email: "cy@example.com", name: "Cy", password: PASSWORD });
      const cy = new TestBrowser(t.accounts);
      await cy.signIn("cy@example.com", PASSWORD);
      const mine = await cy.fetch("/api/auth/organization/list-user-invitations");
      expect(mine.status).toBe(200);
      expect(((await mine.json()) as unknown[]).length).toBe(1);
    },
    BUDGET_MS,
  );
});
