/**
 * Stage 1 of workspaces: better-auth's organization plugin with our three roles, driven over
 * HTTP as the web app will. Stage 2 builds maps-in-workspaces on this.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { WORKSPACE_ROLE } from "../src/index.ts";
import { eachBackend, openTestAccounts, type TestAccounts } from "./support/testAccounts.ts";
import { TestBrowser } from "./support/TestBrowser.ts";
import { createWorkspace, invite } from "./support/workspaceCalls.ts";

const PASSWORD = "correct horse 1";

interface Member {
  id: string;
  role: string;
  user: { email: string };
}

eachBackend("workspaces", (backend) => {
  let t: TestAccounts;
  let ana: TestBrowser;
  let bob: TestBrowser;
  beforeEach(async () => {
    t = await openTestAccounts(backend);
    ana = await TestBrowser.signedUp(t.accounts, "ana@example.com", PASSWORD);
    bob = await TestBrowser.signedUp(t.accounts, "bob@example.com", PASSWORD);
  });
  afterEach(() => t.dispose());

  async function membersOf(browser: TestBrowser, workspaceId: string): Promise<Member[]> {
    const response = await browser.fetch(
      `/api/auth/organization/list-members?organizationId=${workspaceId}`,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { members: Member[] }).members;
  }

  const roleOf = (members: Member[], email: string) =>
    members.find((m) => m.user.email === email)?.role;

  it("creates a workspace, invites by email, accepts, changes a role and removes a member", async () => {
    const workspace = await createWorkspace(ana, "Acme");
    expect(roleOf(await membersOf(ana, workspace.id), "ana@example.com")).toBe(
      WORKSPACE_ROLE.admin,
    );

    const invited = await invite(ana, workspace.id, "bob@example.com", WORKSPACE_ROLE.member);
    expect(invited.status).toBe(200);
    // The invitation's id travels in the mail's link (stage 2); bob opens it.
    const invitation = (await invited.json()) as { id: string };
    const seen = await bob.fetch(`/api/auth/organization/get-invitation?id=${invitation.id}`);
    expect(await seen.json()).toMatchObject({ organizationId: workspace.id, role: "member" });
    const accepted = await bob.post("/api/auth/organization/accept-invitation", {
      invitationId: invitation.id,
    });
    expect(accepted.status).toBe(200);

    let members = await membersOf(bob, workspace.id);
    expect(roleOf(members, "bob@example.com")).toBe(WORKSPACE_ROLE.member);
    const bobMember = members.find((m) => m.user.email === "bob@example.com")!;

    // A member may not manage the workspace.
    const byMember = await invite(bob, workspace.id, "cy@example.com", WORKSPACE_ROLE.member);
    expect(byMember.status).toBe(403);

    const demoted = await ana.post("/api/auth/organization/update-member-role", {
      memberId: bobMember.id,
      role: WORKSPACE_ROLE.guest,
      organizationId: workspace.id,
    });
    expect(demoted.status).toBe(200);
    members = await membersOf(ana, workspace.id);
    expect(roleOf(members, "bob@example.com")).toBe(WORKSPACE_ROLE.guest);

    const removed = await ana.post("/api/auth/organization/remove-member", {
      memberIdOrEmail: "bob@example.com",
      organizationId: workspace.id,
    });
    expect(removed.status).toBe(200);
    expect((await membersOf(ana, workspace.id)).map((m) => m.user.email)).toEqual([
      "ana@example.com",
    ]);
    // Removed: bob no longer sees the workspace's members.
    expect(
      (await bob.fetch(`/api/auth/organization/list-members?organizationId=${workspace.id}`))
        .status,
    ).not.toBe(200);
  });

  it("knows only our three roles, and keeps a workspace from losing its last admin", async () => {
    const workspace = await createWorkspace(ana, "Acme");
    const owner = await invite(ana, workspace.id, "bob@example.com", "owner");
    expect(owner.status).toBe(400);
    expect(await owner.json()).toMatchObject({ code: "ROLE_NOT_FOUND" });
    const anaMember = (await membersOf(ana, workspace.id))[0]!;
    const selfDemotion = await ana.post("/api/auth/organization/update-member-role", {
      memberId: anaMember.id,
      role: WORKSPACE_ROLE.member,
      organizationId: workspace.id,
    });
    expect(selfDemotion.status).toBe(400);
  });
});
