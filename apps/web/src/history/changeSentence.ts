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
  /** A linked map's title by its id (a sub-journey's), when the reader may open it. */
  readonly mapTitle?: (mapId: string) => string | undefined;
}

/** "“A” → “B”" (the diff's detail of a change of value) as "“A” to “B”". */
const fromTo = (detail: string) => detail.replace(" → ", " to ");

function predicate(c: MapChange, context: ChangeContext): string {
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
    case "linked":
    case "unlinked":
      return linkPredicate(c, thing, context);
  }
}

/**
 * Links to what lives outside the map: a step's sub-journey (by its title when the context
 * knows it: the document holds only its id), a persona's library persona, a card's library
 * opportunity.
 */
function linkPredicate(c: MapChange, thing: string, context: ChangeContext): string {
  const on = c.change === "linked";
  if (c.entity === "touchpoint") {
    const title = c.detail ? context.mapTitle?.(c.detail) : undefined;
    const sub = title ? `the sub-journey “${title}”` : on ? "a sub-journey" : "the sub-journey";
    return on ? `linked ${sub} to ${thing}` : `unlinked ${sub} from ${thing}`;
  }
  if (c.entity === "card") {
    return on
      ? `linked ${thing} to a library opportunity`
      : `detached ${thing} from its library opportunity`;
  }
  return on ? `linked ${thing} to the library` : `detached ${thing} from the library`;
}

export function changeSentence(change: MapChange, context: ChangeContext = {}): string {
  const what = predicate(change, context);
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

/**
 * The context of the shown edit's changes: its burst's author and time, its maps' phases, and
 * the titles of linked maps known.
 */
export function changeContextOf(
  edit: EditChanges | null,
  burst: Burst | null,
  mapTitles: ReadonlyMap<string, string> = new Map(),
): ChangeContext {
  const where = edit ? phaseNameOf(edit.before ? [edit.map, edit.before] : [edit.map]) : undefined;
  const who = burst && (burst.origin === "server" ? "Journeymap" : burst.author || "Someone");
  return {
    ...(who ? { who, when: burst.endTs } : {}),
    ...(where ? { where } : {}),
    mapTitle: (id) => mapTitles.get(id),
  };
}
