/**
 * A change as a sentence a non-technical reader understands (issue 16, R4): who, what, where,
 * when — "Ana renamed the step “Checkout” to “Pay” in Purchase · today 10:42". Without a
 * known author (a comparison of two moments) it starts with the verb.
 */
import {
  type ChangedEntity,
  type JourneyMap,
  type MapChange,
  type Burst,
  parseElementKey,
  stepOf,
} from "@journeymap/schema";
import type { EditChanges } from "./editChanges.ts";
import { formatWhen } from "./format.ts";

/** What each kind of thing is called in sentences and buttons. */
export const CHANGE_NOUN: Record<ChangedEntity, string> = {
  meta: "map",
  persona: "persona",
  phase: "phase",
  touchpoint: "step",
  lane: "lane",
  card: "card",
  emotion: "feeling",
  cell: "entry",
};

/** Who made a change and when, when that is known. */
export interface ChangeContext {
  readonly who?: string;
  readonly when?: number;
  /** The phase a change sits in, by its target (none for phases, lanes, personas, the map). */
  readonly where?: (target: string) => string | null;
}

/** "“A” → “B”" (the diff's detail of a change of value) as "“A” to “B”". */
const fromTo = (detail: string) => detail.replace(" → ", " to ");

function predicate(c: MapChange): string {
  const thing = `the ${CHANGE_NOUN[c.entity]} “${c.label || "untitled"}”`;
  switch (c.change) {
    case "added":
      return `added ${thing}${c.detail ? ` (${c.detail})` : ""}`;
    case "removed":
      return `removed ${thing}`;
    case "moved":
      return `moved ${thing}${c.detail ? ` ${c.detail}` : ""}`;
    case "renamed":
      return c.detail
        ? `renamed the ${CHANGE_NOUN[c.entity]} ${fromTo(c.detail)}`
        : `renamed ${thing}`;
    case "edited":
      return `changed ${thing}`;
    case "rescored": {
      const what = c.entity === "card" ? "rating" : "score";
      return `changed the ${what} of ${thing}${c.detail ? ` from ${fromTo(c.detail)}` : ""}`;
    }
  }
}

export function changeSentence(change: MapChange, context: ChangeContext = {}): string {
  const what = predicate(change);
  const where = context.where?.(change.target);
  const sentence = context.who
    ? `${context.who} ${what}`
    : `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return `${sentence}${where ? ` in ${where}` : ""}${context.when === undefined ? "" : ` · ${formatWhen(context.when)}`}`;
}

/** The phase name of what a target sits in, looked up in the first map that has it. */
export function phaseNameOf(maps: readonly JourneyMap[]): (target: string) => string | null {
  return (target) => {
    const ref = parseElementKey(target);
    if (!ref) return null;
    for (const map of maps) {
      const step = ref.kind === "card" ? stepOfCard(map, ref.id) : stepOf(ref);
      const phaseId = map.touchpoints.find((t) => t.id === step)?.phaseId;
      const phase = phaseId && map.phases.find((p) => p.id === phaseId);
      if (phase) return phase.name;
    }
    return null;
  };
}

function stepOfCard(map: JourneyMap, cardId: string): string | null {
  for (const [step, cards] of map.cardsByTouchpoint) {
    if (cards.some((c) => c.id === cardId)) return step;
  }
  return null;
}

/** The context of the shown edit's changes: its burst's author and time, its maps' phases. */
export function changeContextOf(edit: EditChanges | null, burst: Burst | null): ChangeContext {
  const where = edit ? phaseNameOf(edit.before ? [edit.map, edit.before] : [edit.map]) : undefined;
  const who = burst && (burst.origin === "server" ? "Journeymap" : burst.author || "Someone");
  return {
    ...(who ? { who, when: burst.endTs } : {}),
    ...(where ? { where } : {}),
  };
}
