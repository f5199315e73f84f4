/**
 * Highlights on the board without touching board components: the board already names its
 * elements (`data-presence="phase:<id>"`, `touchpoint:`, `card:`, `cell:`, `point:`, and
 * `data-lane-id` on lane headers), so a generated stylesheet can outline exactly the changed
 * ones. One class of change, one colour; a label is never the only cue (the list says it too).
 */
import type { ChangeKind, JourneyMap, MapChange } from "@journeymap/schema";

const TONE: Record<ChangeKind, string> = {
  added: "var(--history-added)",
  removed: "var(--history-removed)",
  moved: "var(--history-moved)",
  renamed: "var(--history-edited)",
  edited: "var(--history-edited)",
  rescored: "var(--history-edited)",
};

/** The CSS selector of a change's board element, or null when the board does not show it. */
export function selectorOf(target: string): string | null {
  if (target.startsWith("lane:")) {
    return `[data-lane-id=${JSON.stringify(target.slice("lane:".length))}]`;
  }
  if (/^(phase|touchpoint|card|cell|point):/.test(target)) {
    return `[data-presence=${JSON.stringify(target)}]`;
  }
  return null;
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

/** Changes that concern one phase: the phase itself and what sits in it. */
export function changesInPhase(
  changes: readonly MapChange[],
  phaseId: string,
  maps: readonly JourneyMap[],
): MapChange[] {
  const steps = new Set<string>();
  const cards = new Set<string>();
  for (const map of maps) {
    for (const tp of map.touchpointsByPhase.get(phaseId as never) ?? []) {
      steps.add(tp.id);
      for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) cards.add(card.id);
    }
  }
  return changes.filter((c) => {
    switch (c.entity) {
      case "phase":
        return c.id === phaseId;
      case "touchpoint":
        return steps.has(c.id);
      case "card":
        return cards.has(c.id);
      case "emotion":
        return steps.has(c.id.slice(c.id.indexOf("/") + 1));
      case "cell":
        return steps.has(c.id.slice(c.id.lastIndexOf("/") + 1));
      default:
        return false;
    }
  });
}
