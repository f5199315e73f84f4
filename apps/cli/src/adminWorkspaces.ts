/**
 * `journeymap admin` for workspaces: list them, their members and roles, change a role,
 * remove a member, invite by email (the link is printed, to pass on) and switch guest links.
 * Changes are made in the store directly: a running server sees new connections follow them
 * at once and re-checks open account connections periodically (AccountGuard).
 */
import {
  type Accounts,
  invitationUrl,
  WORKSPACE_ROLES,
  type WorkspaceInfo,
  type WorkspaceRole,
} from "@journeymap/accounts";
import { isWorkspaceRole } from "@journeymap/protocol";
import { PostgresMapStore, SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { type AdminIo, type AdminOptions, AdminUsageError, needed } from "./adminOptions.ts";

export const WORKSPACE_COMMANDS = [
  "workspaces",
  "members",
  "set-role",
  "remove-member",
  "invite",
  "guest-links",
] as const;

export type WorkspaceCommand = (typeof WORKSPACE_COMMANDS)[number];

export function isWorkspaceCommand(command: string | undefined): command is WorkspaceCommand {
  return WORKSPACE_COMMANDS.includes(command as WorkspaceCommand);
}

async function workspaceOf(accounts: Accounts, options: AdminOptions): Promise<WorkspaceInfo> {
  const key = needed(options.workspace, "--workspace");
  const workspace = await accounts.findWorkspace(key);
  if (workspace === null) throw new Error(`no workspace ${key} (see: journeymap admin workspaces)`);
  return workspace;
}

function roleOf(options: AdminOptions): WorkspaceRole {
  const role = needed(options.role, "--role");
  if (!isWorkspaceRole(role))
    throw new AdminUsageError(`--role is one of ${WORKSPACE_ROLES.join(", ")}`);
  return role;
}

async function memberId(accounts: Accounts, options: AdminOptions): Promise<string> {
  const email = needed(options.email, "--email");
  const user = await accounts.findUserByEmail(email);
  if (user === null) throw new Error(`no account with the email ${email}`);
  return user.id;
}

/** Turns the workspace's guest share links on or off, in the map store beside accounts. */
async function setGuestLinks(options: AdminOptions, workspaceId: string, on: boolean) {
  const store = options.databaseUrl
    ? await PostgresMapStore.open(options.databaseUrl)
    : new SqliteMapStore(storeFileIn(needed(options.dataDir, "--data-dir")));
  try {
    const settings = await store.getWorkspaceSettings(workspaceId);
    await store.putWorkspaceSettings({ ...settings, workspaceId, guestLinks: on });
  } finally {
    await store.close();
  }
}

export async function runWorkspaceCommand(
  command: WorkspaceCommand,
  accounts: Accounts,
  options: AdminOptions,
  io: AdminIo,
): Promise<void> {
  if (command === "workspaces") {
    for (const w of await accounts.listWorkspaces()) io.out(`${w.id}\t${w.slug}\t${w.name}\n`);
    return;
  }
  const workspace = await workspaceOf(accounts, options);
  switch (command) {
    case "members":
      for (const m of await accounts.listMembers(workspace.id))
        io.out(`${m.email}\t${m.name}\t${m.role}\n`);
      return;
    case "set-role": {
      const role = roleOf(options);
      await accounts.setMemberRole(workspace.id, await memberId(accounts, options), role);
      io.out(`${options.email?.trim().toLowerCase()} is ${role} in ${workspace.name}\n`);
      return;
    }
    case "remove-member":
      await accounts.removeMember(workspace.id, await memberId(accounts, options));
      io.out(`removed ${options.email?.trim().toLowerCase()} from ${workspace.name}\n`);
      return;
    case "invite": {
      const role = roleOf(options);
      const email = needed(options.email, "--email").toLowerCase();
      const id = await accounts.inviteToWorkspace(workspace.id, email, role);
      // Without --server the path alone: the person opens it on the server's address.
      io.out(`invited ${email} to ${workspace.name} as ${role}; pass this link on:\n`);
      io.out(`${invitationUrl(options.server?.replace(/\/+$/, "") ?? "", id)}\n`);
      return;
    }
    case "guest-links": {
      const state = options.args[0];
      if (state !== "on" && state !== "off")
        throw new AdminUsageError("guest-links takes on or off");
      await setGuestLinks(options, workspace.id, state === "on");
      io.out(`guest links are ${state} in ${workspace.name}\n`);
      return;
    }
  }
}
