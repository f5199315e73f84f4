/**
 * The only link targets rich text may carry: web pages and e-mail addresses. Anything else
 * (javascript:, data:, file:, relative paths) is dropped by the reader and refused by the
 * editor, so a hostile peer cannot plant a script behind a harmless-looking word.
 */

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:", "mailto:"]);

/** Longer addresses are not links anyone typed; refusing them bounds what the board renders. */
export const MAX_HREF_LENGTH = 2048;

/**
 * The canonical form of `href` when it is a safe absolute link, else null. The URL parser's
 * own form is returned (not the input), so what is checked is exactly what a browser follows:
 * "java\tscript:" parses as "javascript:" and is refused.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.length > MAX_HREF_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && url.hostname === "") return null;
  return url.href.length > MAX_HREF_LENGTH ? null : url.href;
}
