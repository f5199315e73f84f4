/**
 * Inviting someone to a workspace as a guest, on behalf of a signed-in person (their request's
 * headers carry the session): what sharing a map by email does. better-auth's organization
 * plugin decides who may invite (workspace admins) and keeps the invitation; a pending one for
 * the same address is renewed rather than refused. Plain data out, no better-auth types.
 */
import { isAPIError } from "better-auth/api";
import type { JourneymapAuth } from "./createAuth.ts";
import { WORKSPACE_ROLE } from "./workspaceRoles.ts";

export type Invited =
  | { readonly ok: true; readonly invitationId: string }
  | { readonly ok: false; readonly status: 400 | 403; readonly message: string };

export async function inviteGuest(
  auth: JourneymapAuth,
  headers: Headers,
  email: string,
  workspaceId: string,
): Promise<Invited> {
  try {
    const invitation = await auth.api.createInvitation({
      headers,
      body: { email, role: WORKSPACE_ROLE.guest, organizationId: workspaceId, resend: true },
    });
    return { ok: true, invitationId: invitation.id };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    return error.statusCode === 403
      ? {
          ok: false,
          status: 403,
          message: "Only the workspace's admins can invite people by email",
        }
      : { ok: false, status: 400, message: `The invitation was refused: ${error.message}` };
  }
}
