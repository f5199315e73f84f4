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
