/**
 * Highlights on the board without touching board components: the board already names its
 * elements in the DOM (board/elementDom.ts), so a generated stylesheet can outline exactly the
 * changed ones. One class of change, one colour; a label is never the only cue (the list says
 * it too).
 */
import { type ChangeKind, type MapChange, parseElementKey } from "@journeymap/schema";
import { elementSelector } from "../board/elementDom.ts";

const TONE: Record<ChangeKind, string> = {
  added: "var(--history-added)",
  removed: "var(--history-removed)",
  moved: "var(--history-moved)",
  renamed: "var(--history-edited)",
  edited: "var(--history-edited)",
  rescored: "var(--history-edited)",
  linked: "var(--history-edited)",
  unlinked: "var(--history-edited)",
};

/** The CSS selector of a change's board element, or null when the board does not show it. */
export function selectorOf(target: string): string | null {
  const ref = parseElementKey(target);
  return ref && elementSelector(ref);
}

/** A stylesheet outlining each changed element on the board (the first change of each wins). */
export function highlightCss(changes: readonly MapChange[], scope = ""): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const change of changes) {
    const selector = selectorOf(change.target);
    if (!selector || seen.has(selector)) continue;
    seen.add(selector);
    rules.push(
      `${scope}${selector}{outline:2px solid ${TONE[change.change]};outline-offset:2px;box-shadow:0 0 0 6px color-mix(in srgb, ${TONE[change.change]} 22%, transparent);border-radius:var(--radius-sm)}`,
    );
  }
  return rules.join("\n");
}
