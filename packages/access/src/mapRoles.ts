/**
 * A signed-in person's role on a map, as a rule on plain values (AccountAccess reads them):
 * an explicit share of the map with the person wins; else their role in the map's workspace:
 * admins own its maps, members get the workspace's default map role, guests get nothing. Only
 * people in the map's workspace have a role at all (a share outlives no membership).
 */
import { canEdit, ROLE, type Role, WORKSPACE_ROLE, type WorkspaceRole } from "@journeymap/protocol";

export function mapRoleOf(
  workspaceRole: WorkspaceRole | null,
  sharedRole: Role | null,
  defaultMapRole: Role,
): Role | null {
  if (workspaceRole === null) return null;
  if (sharedRole !== null) return sharedRole;
  if (workspaceRole === WORKSPACE_ROLE.admin) return ROLE.owner;
  if (workspaceRole === WORKSPACE_ROLE.member) return defaultMapRole;
  return null;
}

/** Whether a workspace role lets a person create maps there and move maps in (not guests). */
export function mayAddMaps(workspaceRole: WorkspaceRole | null): boolean {
  return workspaceRole === WORKSPACE_ROLE.admin || workspaceRole === WORKSPACE_ROLE.member;
}

/**
 * Whether a person may trash, restore, move or rename-by-duplicate a map as its manager: its
 * owners (workspace admins), and the member who created it while they may still edit it.
 */
export function mayManageMap(
  role: Role | null,
  map: { readonly createdBy: string | null },
  userId: string,
): boolean {
  if (role === ROLE.owner) return true;
  return role !== null && canEdit(role) && map.createdBy === userId;
}

/** Whether a person may share a map with others: owners, and members who may edit it. */
export function mayShareMap(role: Role | null, workspaceRole: WorkspaceRole | null): boolean {
  if (role === ROLE.owner) return true;
  return role !== null && canEdit(role) && mayAddMaps(workspaceRole);
}
