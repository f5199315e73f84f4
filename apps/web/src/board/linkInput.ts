/**
 * What someone typed into the link field, as a link the cell may carry. People type
 * "example.com" or "ana@example.com" more often than a full address, so those get https://
 * or mailto: in front; anything that is not a web or e-mail link is refused with a reason.
 */
import { safeHref } from "@journeymap/schema";

export type LinkInput =
  | { readonly ok: true; readonly href: string }
  | { readonly ok: false; readonly error: string };

// "example.com:8080" is a host and port, not a scheme.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const DOMAIN = /^[^\s/@:]+\.[^\s/@:]{2,}(?::\d+)?(?:[/?#]\S*)?$/;

export function readLinkInput(typed: string): LinkInput {
  const text = typed.trim();
  if (text === "") return { ok: false, error: "Type a web address, like example.com." };
  if (SCHEME.test(text) && !/^(https?|mailto):/i.test(text)) {
    return { ok: false, error: "Only web addresses (http, https) and e-mail links can be added." };
  }
  const candidate = SCHEME.test(text)
    ? text
    : EMAIL.test(text)
      ? `mailto:${text}`
      : DOMAIN.test(text)
        ? `https://${text}`
        : null;
  const href = candidate === null ? null : safeHref(candidate);
  return href ? { ok: true, href } : { ok: false, error: "That does not look like a web address." };
}
