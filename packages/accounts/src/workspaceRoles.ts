/**
 * Workspaces are better-auth organizations with our three roles. What each role may do to the
 * workspace itself is the organization plugin's vocabulary (organization, member, invitation,
 * ac); `map` is ours, for stage 2 (maps belong to a workspace): admins manage everything,
 * members create and share maps, guests only see maps shared with them.
 */
import {
  isWorkspaceRole,
  WORKSPACE_ROLE,
  WORKSPACE_ROLES,
  type WorkspaceRole,
} from "@journeymap/protocol";
import { APIError } from "better-auth/api";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

// The names are the protocol's: the web app shows and sends them too.
export { isWorkspaceRole, WORKSPACE_ROLE, WORKSPACE_ROLES, type WorkspaceRole };

export const workspaceStatements = {
  ...defaultStatements,
  map: ["create", "share", "move", "delete"],
} as const;

export const workspaceAccess = createAccessControl(workspaceStatements);

export const workspaceRoles = {
  admin: workspaceAccess.newRole({
    organization: ["update", "delete"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    team: [],
    ac: ["read"],
    map: ["create", "share", "move", "delete"],
  }),
  member: workspaceAccess.newRole({
    organization: [],
    member: [],
    invitation: [],
    team: [],
    ac: ["read"],
    map: ["create", "share"],
  }),
  guest: workspaceAccess.newRole({
    organization: [],
    member: [],
    invitation: [],
    team: [],
    ac: [],
    map: [],
  }),
};

function refuseUnknownRoles(role: string): void {
  const unknown = role
    .split(",")
    .map((r) => r.trim())
    .filter((r) => !(WORKSPACE_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new APIError("BAD_REQUEST", {
      code: "ROLE_NOT_FOUND",
      message: `workspace roles are ${WORKSPACE_ROLES.join(", ")}; not ${unknown.join(", ")}`,
    });
}

/**
 * The organization plugin accepts its own default roles (owner, admin, member) besides the
 * ones configured: these hooks hold every way a role is given to our three.
 */
export const onlyWorkspaceRoles = {
  beforeCreateInvitation: async ({ invitation }: { invitation: { role: string } }) =>
    refuseUnknownRoles(invitation.role),
  beforeAddMember: async ({ member }: { member: { role: string } }) =>
    refuseUnknownRoles(member.role),
  beforeUpdateMemberRole: async ({ newRole }: { newRole: string }) => refuseUnknownRoles(newRole),
};
