/**
 * Helpers for the parsers of uploaded files (issue 12, H2): uploads come from anyone who can
 * reach the server, so what a parser reports back is bounded (a short quote of the input, a
 * capped list of problems) and nesting is measured on the text in one linear pass, before
 * JSON.parse builds a tree the validators would then walk recursively.
 */
import type { ImportIssue } from "./ImportPreview.ts";

/** A file listing hundreds of problems helps nobody: the first ones locate the mistake. */
export const MAX_ISSUES = 50;
/** Characters of the input an error message may quote. */
export const MAX_QUOTE = 40;

/** `text` in quotes, cut to MAX_QUOTE characters so an error never echoes a whole upload. */
export function quote(text: string, max = MAX_QUOTE): string {
  return text.length > max ? `"${text.slice(0, max)}…"` : `"${text}"`;
}

/** The first MAX_ISSUES issues, then one saying how many more there were. */
export function capIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  const more = issues.length - MAX_ISSUES;
  return [...issues.slice(0, MAX_ISSUES), { path: "", message: `and ${more} more problems` }];
}

/**
 * Whether JSON text nests arrays and objects deeper than `max` (the outermost counts as 1).
 * One linear pass that builds nothing; brackets inside strings do not count. On text that is
 * not JSON the answer is meaningless, but JSON.parse refuses such text anyway.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > max) return true;
    } else if (c === "]" || c === "}") depth--;
  }
  return false;
}
