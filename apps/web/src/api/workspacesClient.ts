/**
 * Workspaces are better-auth organizations: creating one, its members and invitations, and
 * the invitations waiting for me, through /api/auth/organization/*. better-auth decides who
 * may do what (a workspace's admins manage it); our own routes (mapsApi.ts) hold what is ours,
 * the maps and a workspace's settings. The instance's people (admins only) are the admin
 * plugin's /api/auth/admin/*.
 */
import type { WorkspaceRole } from "@journeymap/protocol";
import { authCall } from "./authClient.ts";

export interface WorkspaceMember {
  /** The membership's id (what changing a role or removing takes). */
  readonly id: string;
  readonly userId: string;
  readonly role: string;
  readonly createdAt: string;
  readonly user: { readonly id: string; readonly name: string; readonly email: string };
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly status: string;
  readonly expiresAt: string;
  readonly organizationId: string;
  /** Only in the list of invitations waiting for me. */
  readonly organizationName?: string;
}

export interface InstanceUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role?: string | null;
  readonly createdAt: string;
}

/** A slug better-auth requires unique; people never see it. */
function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "workspace"}-${Math.random().toString(36).slice(2, 8)}`;
}

export const createWorkspace = (name: string) =>
  authCall<{ id: string; name: string }>("/organization/create", {
    body: { name, slug: slugOf(name) },
  });

export const listMembers = async (workspaceId: string) =>
  (
    await authCall<{ members: WorkspaceMember[] }>("/organization/list-members", {
      query: { organizationId: workspaceId, limit: "500" },
    })
  ).members;

export const changeMemberRole = (workspaceId: string, memberId: string, role: WorkspaceRole) =>
  authCall<unknown>("/organization/update-member-role", {
    body: { organizationId: workspaceId, memberId, role },
  });

export const removeMember = (workspaceId: string, memberId: string) =>
  authCall<unknown>("/organization/remove-member", {
    body: { organizationId: workspaceId, memberIdOrEmail: memberId },
  });

export const listInvitations = (workspaceId: string) =>
  authCall<Invitation[]>("/organization/list-invitations", {
    query: { organizationId: workspaceId },
  });

/** Invites someone (renewing a pending invitation to the same address). */
export const inviteMember = (workspaceId: string, email: string, role: WorkspaceRole) =>
  authCall<Invitation>("/organization/invite-member", {
    body: { organizationId: workspaceId, email, role, resend: true },
  });

export const cancelInvitation = (invitationId: string) =>
  authCall<unknown>("/organization/cancel-invitation", { body: { invitationId } });

/** An invitation of mine, by its id (the link's); refused when it is someone else's. */
export const getInvitation = (invitationId: string) =>
  authCall<Invitation & { inviterEmail?: string }>("/organization/get-invitation", {
    query: { id: invitationId },
  });

/** Where an invited person accepts: the link an admin sends them (or the server mails). */
export const invitationUrl = (invitationId: string) =>
  `${window.location.origin}/invitations/${encodeURIComponent(invitationId)}`;

/**
 * The invitations to workspaces waiting for me. better-auth lists them only to someone whose
 * email is verified (single sign-on); everyone else opens the invitation's link.
 */
export const myInvitations = () => authCall<Invitation[]>("/organization/list-user-invitations");

export const acceptInvitation = (invitationId: string) =>
  authCall<{ invitation: Invitation }>("/organization/accept-invitation", {
    body: { invitationId },
  });

export const declineInvitation = (invitationId: string) =>
  authCall<unknown>("/organization/reject-invitation", { body: { invitationId } });

/** Everyone with an account (instance admins only). */
export const listInstanceUsers = async () =>
  (
    await authCall<{ users: InstanceUser[] }>("/admin/list-users", {
      query: { limit: "500", sortBy: "email", sortDirection: "asc" },
    })
  ).users;

/** Sets a person's password and signs them out everywhere (instance admins only). */
export const setUserPassword = (userId: string, newPassword: string) =>
  authCall<unknown>("/admin/set-user-password", { body: { userId, newPassword } });
