/**
 * The one place where the server's codes for "you may no longer do this" become sentences
 * (issue 15, B3): close codes and authentication refusals ("permission-denied") never reach
 * the screen as they are.
 */
import { CLOSE } from "@journeymap/protocol";

/** Why our access to an open map ended, as a sentence for people; null when it did not. */
export function accessEndedBy(code: number | undefined, reason = ""): string | null {
  if (code === CLOSE.linkRevoked.code && reason === CLOSE.linkRevoked.reason)
    return "The owner revoked the link you opened it with.";
  // The same code with another reason: the server refused an edit our role does not allow.
  if (code === CLOSE.writeRefused.code)
    return "The server refused an edit your role does not allow.";
  if (code === CLOSE.linkExpired.code) return "The link you opened it with expired.";
  if (code === CLOSE.accessRemoved.code) return "You were removed from this map.";
  return null;
}

/** A refusal to open a map (the server's raw reason, e.g. "permission-denied"), as a sentence. */
export function refusalSentence(reason: string): string {
  if (!reason) return "This map does not exist.";
  return /^[a-z-]+$/.test(reason)
    ? "This map does not exist, or the link no longer opens it."
    : reason;
}
