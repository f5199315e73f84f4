/**
 * The history view's two filters, a person and a phase, applied alike to the timeline, the
 * shown edit's changes and so to the board's highlights (issue 16, R3: the phase filter left
 * the timeline whole and the person filter listed others' changes).
 */
import {
  type Burst,
  type JourneyMap,
  type MapChange,
  parseElementKey,
  stepOf,
} from "@journeymap/schema";
import type { EditChanges } from "./editChanges.ts";
import { visibleBursts } from "./timelineNav.ts";

export interface HistoryFilter {
  /** One person's edits only (null: everyone's). */
  readonly author: string | null;
  /** What concerns one phase only (null: the whole map). */
  readonly phase: string | null;
}

/**
 * Whether a change's target concerns a phase: the phase itself and what sits in it (its steps,
 * their cards, points and cells) in any of `maps` (before and after an edit, so a thing moved
 * out of or removed from the phase still counts).
 */
export function inPhase(phaseId: string, maps: readonly JourneyMap[]): (target: string) => boolean {
  const steps = new Set<string>();
  const cards = new Set<string>();
  for (const map of maps) {
    for (const tp of map.touchpoints) {
      if (tp.phaseId !== phaseId) continue;
      steps.add(tp.id);
      for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) cards.add(card.id);
    }
  }
  return (target) => {
    const ref = parseElementKey(target);
    if (ref?.kind === "phase") return ref.id === phaseId;
    if (ref?.kind === "card") return cards.has(ref.id);
    const step = ref && stepOf(ref);
    return !!step && steps.has(step);
  };
}

/** Changes that concern one phase. */
export function changesInPhase(
  changes: readonly MapChange[],
  phaseId: string,
  maps: readonly JourneyMap[],
): MapChange[] {
  const concerns = inPhase(phaseId, maps);
  return changes.filter((c) => concerns(c.target));
}

/** What the shown edit changed under the filters: nothing when it is someone else's edit. */
export function filteredChanges(
  edit: EditChanges | null,
  { author, phase }: HistoryFilter,
): readonly MapChange[] {
  if (!edit) return [];
  if (author !== null && edit.edit?.author !== author) return [];
  if (!phase) return edit.changes;
  return changesInPhase(edit.changes, phase, edit.before ? [edit.map, edit.before] : [edit.map]);
}

/** Why the shown edit lists nothing under the filters. */
export function emptyChangesText(
  edit: EditChanges | null,
  { author, phase }: HistoryFilter,
): string {
  if (author !== null && edit?.edit && edit.edit.author !== author) {
    return `This edit is not by ${author}.`;
  }
  return phase ? "Nothing in this phase changed in this edit." : "Nothing changed in this edit.";
}

/**
 * The timeline under the filters: the person's bursts, and of those the ones that touched the
 * phase (`inPhaseBursts`, by first row; null while they are being found: all are kept).
 */
export function filteredBursts(
  bursts: readonly Burst[],
  author: string | null,
  inPhaseBursts: ReadonlySet<number> | null,
): Burst[] {
  const visible = visibleBursts(bursts, author);
  return inPhaseBursts ? visible.filter((b) => inPhaseBursts.has(b.fromSeq)) : visible;
}
