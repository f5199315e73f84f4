/**
 * Stale items fade (issue 18) through one generated stylesheet keyed by the board's
 * `data-presence` attributes (board/elementDom.ts), as the history's outlines are: the cells,
 * cards and steps themselves render nothing for it, so a freshness change repaints no
 * component and the board's own rendering stays as fast as it is.
 */
import type { MapFreshness } from "@journeymap/schema";
import { useFreshness } from "./useFreshness.ts";

function fadeRules(freshness: MapFreshness | null): string {
  const stale = freshness?.items.filter((item) => item.stale) ?? [];
  if (stale.length === 0) return "";
  const selectors = stale.map((item) => `[data-presence=${JSON.stringify(item.key)}]`);
  return `:is(${selectors.join(",")}) { opacity: 0.5; filter: grayscale(0.7); transition: opacity 0.2s; }
:is(${selectors.join(",")}):is(:hover, :focus-within) { opacity: 0.85; }`;
}

export function FreshnessStyle() {
  const css = useFreshness(fadeRulesOnce);
  return css ? <style data-testid="freshness.style">{css}</style> : null;
}

/** The rules of the last freshness read, so React sees one string per change (not per render). */
let lastRead: MapFreshness | null = null;
let lastCss = "";
function fadeRulesOnce(freshness: MapFreshness | null): string {
  if (freshness !== lastRead) {
    lastRead = freshness;
    lastCss = fadeRules(freshness);
  }
  return lastCss;
}
