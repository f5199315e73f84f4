/**
 * The texts of the mails accounts send: plain text, so no client mangles the links. Each
 * says what the link does, how long it works and what to do when the mail was unexpected.
 */
import type { Mail } from "./mailer.ts";

export function passwordResetMail(to: string, name: string, url: string): Mail {
  return {
    to,
    subject: "Reset your Journeymap password",
    text: [
      `Hello ${name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your Journeymap account.",
      "Open this link within an hour to choose a new one:",
      "",
      url,
      "",
      "If you did not ask, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

export function verificationMail(to: string, name: string, url: string): Mail {
  return {
    to,
    subject: "Confirm your email for Journeymap",
    text: [
      `Hello ${name},`,
      "",
      "Open this link to confirm that this address is yours; invitations to workspaces sent",
      "to it can then be accepted from your account:",
      "",
      url,
      "",
      "If you did not create a Journeymap account, ignore this mail.",
    ].join("\n"),
  };
}

export interface InvitationMailInput {
  readonly to: string;
  readonly inviterName: string;
  readonly workspaceName: string;
  readonly role: string;
  readonly url: string;
}

export function invitationMail(input: InvitationMailInput): Mail {
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Journeymap`,
    text: [
      "Hello,",
      "",
      `${input.inviterName} invited you to the workspace "${input.workspaceName}" on Journeymap,`,
      `as ${input.role}. Open this link within a week, and sign in or sign up with this address:`,
      "",
      input.url,
      "",
      "If you did not expect this, ignore this mail.",
    ].join("\n"),
  };
}
