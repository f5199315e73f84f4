/**
 * Share-link roles. A contributor link opens no document at all: it can only read the map's
 * outline (to pick a touchpoint) and submit to the evidence inbox over HTTP.
 */
export const ROLES = ["owner", "editor", "commenter", "viewer", "contributor"] as const;
export type Role = (typeof ROLES)[number];

/** The roles by name, so code says `ROLE.owner` and a typo is a compile error. */
export const ROLE = {
  owner: "owner",
  editor: "editor",
  commenter: "commenter",
  viewer: "viewer",
  contributor: "contributor",
} as const satisfies { readonly [R in Role]: R };

/** Integrations use API tokens: no sync access, only the listed HTTP actions. */
export const API_ACTIONS = ["evidence:write", "map:read"] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

export const API_ACTION = {
  evidenceWrite: "evidence:write",
  mapRead: "map:read",
} as const satisfies { readonly [name: string]: ApiAction };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles that may change the map document (the others are read-only on the server). */
export const EDITING_ROLES: readonly Role[] = [ROLE.owner, ROLE.editor];

export function canEdit(role: Role): boolean {
  return EDITING_ROLES.includes(role);
}

/** Roles that may write comments and triage (the talk document). */
export function canTalk(role: Role): boolean {
  return canEdit(role) || role === ROLE.commenter;
}

/** Roles that may open the live documents at all (read-only or not). */
export function canSync(role: Role): boolean {
  return role !== ROLE.contributor;
}

/** Roles that open the map read-only: they sync, but their edits are refused. */
export function opensReadOnly(role: Role): boolean {
  return canSync(role) && !canEdit(role);
}

/** The role stored on the link behind an API token (it has actions, not a share role). */
export const API_LINK_ROLE = "api";

/**
 * A person's role in a workspace: admins manage it (members, invitations, settings) and own
 * its maps; members create maps and edit by default; guests see only what is shared with them.
 */
export const WORKSPACE_ROLES = ["admin", "member", "guest"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export const WORKSPACE_ROLE = {
  admin: "admin",
  member: "member",
  guest: "guest",
} as const satisfies { readonly [R in WorkspaceRole]: R };

export function isWorkspaceRole(value: unknown): value is WorkspaceRole {
  return typeof value === "string" && (WORKSPACE_ROLES as readonly string[]).includes(value);
}
