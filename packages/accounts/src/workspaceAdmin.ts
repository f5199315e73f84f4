/**
 * Workspaces as an instance admin manages them from the shell (`journeymap admin`): no
 * session, so not through better-auth's organization routes (which act as a signed-in
 * member) but on its tables through its adapter, with the routes' rules kept: our three
 * roles only, a member once per workspace, a workspace never left without an admin, and
 * `onMembershipChanged` told whose access changed. Plain data out, no better-auth types.
 */
import { APIError } from "better-auth/api";
import type { JourneymapAuth } from "./createAuth.ts";
import type { OnMembershipChanged } from "./membershipEvents.ts";
import { isWorkspaceRole, WORKSPACE_ROLE, type WorkspaceRole } from "./workspaceRoles.ts";

export interface WorkspaceInfo {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
}

export interface WorkspaceMember {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: WorkspaceRole;
}

interface MemberRow {
  id: string;
  userId: string;
  role: string;
}

/** As long as invitations made in the web app (betterAuthOptions.ts). */
const INVITATION_MS = 7 * 24 * 60 * 60 * 1000;

function refused(code: string, message: string): APIError {
  return new APIError("BAD_REQUEST", { code, message });
}

export function workspaceAdmin(auth: JourneymapAuth, notify: OnMembershipChanged) {
  const adapter = async () => (await auth.$context).adapter;

  async function memberRows(workspaceId: string): Promise<MemberRow[]> {
    return (await adapter()).findMany<MemberRow>({
      model: "member",
      where: [{ field: "organizationId", value: workspaceId }],
    });
  }

  /** The person's membership row; throws when they are not a member. */
  async function memberRow(workspaceId: string, userId: string): Promise<MemberRow> {
    const row = (await memberRows(workspaceId)).find((m) => m.userId === userId);
    if (row === undefined) throw refused("MEMBER_NOT_FOUND", "not a member of this workspace");
    return row;
  }

  /** Refuses what would leave the workspace without an admin. */
  async function keepAnAdmin(workspaceId: string, leaving: MemberRow): Promise<void> {
    if (leaving.role !== WORKSPACE_ROLE.admin) return;
    const admins = (await memberRows(workspaceId)).filter((m) => m.role === WORKSPACE_ROLE.admin);
    if (admins.length <= 1)
      throw refused("LAST_ADMIN", "this is the workspace's last admin: make another admin first");
  }

  /** Every workspace of the instance, by name. */
  async function listWorkspaces(): Promise<WorkspaceInfo[]> {
    const rows = await (await adapter()).findMany<WorkspaceInfo>({ model: "organization" });
    return rows
      .map(({ id, name, slug }) => ({ id, name, slug }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    listWorkspaces,

    /** A workspace by id, slug or name (in that order), or null. */
    async findWorkspace(idSlugOrName: string): Promise<WorkspaceInfo | null> {
      const all = await listWorkspaces();
      for (const key of ["id", "slug", "name"] as const) {
        const found = all.find((w) => w[key] === idSlugOrName);
        if (found !== undefined) return found;
      }
      return null;
    },

    /** The people of a workspace with their roles, by email. */
    async listMembers(workspaceId: string): Promise<WorkspaceMember[]> {
      const rows = (await memberRows(workspaceId)).filter((m) => isWorkspaceRole(m.role));
      if (rows.length === 0) return [];
      const users = await (await adapter()).findMany<{ id: string; email: string; name: string }>({
        model: "user",
        where: [{ field: "id", operator: "in", value: rows.map((m) => m.userId) }],
      });
      const byId = new Map(users.map((u) => [u.id, u]));
      return rows
        .flatMap((m) => {
          const user = byId.get(m.userId);
          return user === undefined
            ? []
            : [
                {
                  userId: m.userId,
                  email: user.email,
                  name: user.name,
                  role: m.role as WorkspaceRole,
                },
              ];
        })
        .sort((a, b) => a.email.localeCompare(b.email));
    },

    async setMemberRole(workspaceId: string, userId: string, role: WorkspaceRole): Promise<void> {
      if (!isWorkspaceRole(role)) throw refused("ROLE_NOT_FOUND", `no workspace role ${role}`);
      const row = await memberRow(workspaceId, userId);
      if (row.role === role) return;
      await keepAnAdmin(workspaceId, row);
      await (await adapter()).update({
        model: "member",
        where: [{ field: "id", value: row.id }],
        update: { role },
      });
      notify([userId]);
    },

    async removeMember(workspaceId: string, userId: string): Promise<void> {
      const row = await memberRow(workspaceId, userId);
      await keepAnAdmin(workspaceId, row);
      await (await adapter()).delete({ model: "member", where: [{ field: "id", value: row.id }] });
      notify([userId]);
    },

    /**
     * Invites an email to a workspace with a role, on behalf of its first admin (an
     * invitation names who sent it); a pending one for the address is renewed. Returns the
     * invitation's id: its link is `invitationUrl(PUBLIC_URL, id)`.
     */
    async inviteToWorkspace(
      workspaceId: string,
      email: string,
      role: WorkspaceRole,
    ): Promise<string> {
      if (!isWorkspaceRole(role)) throw refused("ROLE_NOT_FOUND", `no workspace role ${role}`);
      const address = email.trim().toLowerCase();
      const db = await adapter();
      const rows = await memberRows(workspaceId);
      const inviter = rows.find((m) => m.role === WORKSPACE_ROLE.admin);
      if (inviter === undefined)
        throw refused("NO_ADMIN", "the workspace has no admin to invite for");
      const user = await db.findOne<{ id: string }>({
        model: "user",
        where: [{ field: "email", value: address }],
      });
      if (user !== null && rows.some((m) => m.userId === user.id))
        throw refused("ALREADY_A_MEMBER", `${address} is a member already`);
      const expiresAt = new Date(Date.now() + INVITATION_MS);
      const pending = await db.findOne<{ id: string }>({
        model: "invitation",
        where: [
          { field: "organizationId", value: workspaceId },
          { field: "email", value: address },
          { field: "status", value: "pending" },
        ],
      });
      if (pending !== null) {
        await db.update({
          model: "invitation",
          where: [{ field: "id", value: pending.id }],
          update: { role, expiresAt },
        });
        return pending.id;
      }
      const created = await db.create<Record<string, unknown>, { id: string }>({
        model: "invitation",
        data: {
          organizationId: workspaceId,
          email: address,
          role,
          status: "pending",
          inviterId: inviter.userId,
          expiresAt,
          createdAt: new Date(),
        },
      });
      return created.id;
    },
  };
}
