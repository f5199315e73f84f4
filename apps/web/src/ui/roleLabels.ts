/** Roles as people read them: on links, on shares with people, in workspaces. */
import { ROLE, type Role, WORKSPACE_ROLE, type WorkspaceRole } from "@journeymap/protocol";
import type { ShareRole } from "@journeymap/protocol/http";

/** What a share link lets its holder do. */
export const LINK_ROLE_LABELS: Readonly<Record<Role, string>> = {
  [ROLE.editor]: "Can edit",
  // Recovery: an owner can always make another owner link (for another browser or device).
  [ROLE.owner]: "Owner (full control)",
  [ROLE.commenter]: "Can comment",
  [ROLE.viewer]: "Can view",
  [ROLE.contributor]: "Can send evidence (form only)",
};

/** One line each under a link's role: what its holder can do, for the role picker. */
export const LINK_ROLE_HINTS: Readonly<Record<Role, string>> = {
  [ROLE.editor]: "Changes the map with everyone else, live.",
  [ROLE.owner]: "Everything, including sharing: for your other devices only.",
  [ROLE.commenter]: "Reads the map and adds comments; changes nothing.",
  [ROLE.viewer]: "Reads the map; changes nothing.",
  [ROLE.contributor]: "Sends quotes and tickets through a form; does not see the map.",
};

/** What a person a map is shared with may do. */
export const SHARE_ROLE_LABELS: Readonly<Record<ShareRole, string>> = {
  [ROLE.editor]: "Can edit",
  [ROLE.commenter]: "Can comment",
  [ROLE.viewer]: "Can view",
};

/** Workspace roles, with what each may do. */
export const WORKSPACE_ROLE_LABELS: Readonly<Record<WorkspaceRole, string>> = {
  [WORKSPACE_ROLE.admin]: "Admin: manages people, owns every map",
  [WORKSPACE_ROLE.member]: "Member: makes maps, edits by default",
  [WORKSPACE_ROLE.guest]: "Guest: only maps shared with them",
};

/** The options of a role picker: each role with its label and one-line hint. */
export function roleOptions<T extends Role>(
  roles: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; label: string; hint: string }[] {
  return roles.map((value) => ({ value, label: labels[value], hint: LINK_ROLE_HINTS[value] }));
}
