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

/**
 * `from` is the inviter's request (or just its headers): with SMTP configured and no
 * PUBLIC_URL, the mailed link is built on the origin that request was addressed to.
 */
export async function inviteGuest(
  auth: JourneymapAuth,
  from: Request | Headers,
  email: string,
  workspaceId: string,
): Promise<Invited> {
  const headers = from instanceof Request ? from.headers : from;
  // Only its address and headers: the body was read already.
  const request = from instanceof Request ? new Request(from.url, { headers }) : undefined;
  try {
    const invitation = await auth.api.createInvitation({
      headers,
      request,
      // Passing a request would otherwise make the call answer with a Response.
      asResponse: false,
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
