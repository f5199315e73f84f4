/**
 * What accounts mail when SMTP is configured, as better-auth options: password-reset links,
 * a verification link on sign-up, and workspace invitations. With mail, accepting an
 * invitation takes a verified address (the mailed link proves the address); without mail,
 * nothing is sent and whoever invites passes the link on, so the link itself is the proof
 * (docs/SECURITY.md, "Invitations").
 */
import type { Mailer } from "./mailer.ts";
import { invitationMail, passwordResetMail, verificationMail } from "./mails.ts";

/** Where an invitation is accepted: the web app's page for it. */
export function invitationUrl(baseUrl: string, invitationId: string): string {
  return `${baseUrl}/invitations/${encodeURIComponent(invitationId)}`;
}

/** A verification link works for a day: long enough to find the mail the next morning. */
const VERIFICATION_SECONDS = 24 * 60 * 60;

interface InvitationToMail {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly organization: { readonly name: string };
  readonly inviter: { readonly user: { readonly name: string } };
}

export function mailedLinks(
  mailer: Mailer | null,
  publicUrl: string | null,
  warn: (message: string) => void,
) {
  if (mailer === null)
    return {
      sendResetPassword: undefined,
      emailVerification: undefined,
      invitations: { requireEmailVerificationOnInvitation: false },
    };
  return {
    sendResetPassword: async ({
      user,
      url,
    }: {
      user: { email: string; name: string };
      url: string;
    }) => mailer.queue(passwordResetMail(user.email, user.name, url)),
    emailVerification: {
      sendOnSignUp: true,
      expiresIn: VERIFICATION_SECONDS,
      sendVerificationEmail: async ({
        user,
        url,
      }: {
        user: { email: string; name: string };
        url: string;
      }) => mailer.queue(verificationMail(user.email, user.name, url)),
    },
    invitations: {
      requireEmailVerificationOnInvitation: true,
      sendInvitationEmail: async (invitation: InvitationToMail, request?: Request) => {
        // Without PUBLIC_URL the link uses the origin the inviter's request was addressed to.
        const base = publicUrl ?? (request ? new URL(request.url).origin : null);
        if (base === null) {
          warn(`no PUBLIC_URL: the invitation of ${invitation.email} was not mailed`);
          return;
        }
        mailer.queue(
          invitationMail({
            to: invitation.email,
            inviterName: invitation.inviter.user.name,
            workspaceName: invitation.organization.name,
            role: invitation.role,
            url: invitationUrl(base, invitation.id),
          }),
        );
      },
    },
  };
}
