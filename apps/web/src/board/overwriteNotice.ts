/**
 * What the "your change was replaced" notice says, and how "Put mine back" writes my value
 * again (issue 15, B2). Pure over the read model and the editor, so the sentences and the
 * put-back are tested without React.
 */
import {
  type Card,
  compareOrder,
  type JourneyMap,
  type MapEditor,
  type PhaseId,
  type TouchpointId,
  type WatchedValue,
} from "@journeymap/schema";
import type { Overwrite } from "../sync/overwriteWatch.ts";
import { CARD_NOUN } from "./cardNouns.ts";

const quoted = (text: string) => `“${text || "untitled"}”`;
const textOf = (value: WatchedValue) => (typeof value === "string" ? value : "");
const placeOf = (value: WatchedValue) =>
  typeof value === "string" ? { parent: "", key: "" } : value;

function cardOf(map: JourneyMap, id: string): Card | undefined {
  for (const cards of map.cardsByTouchpoint.values()) {
    const card = cards.find((c) => c.id === id);
    if (card) return card;
  }
  return undefined;
}

/** The thing's noun and current name ("step", "Pay"), or null when it is gone. */
function thingOf(map: JourneyMap, o: Overwrite): { noun: string; name: string } | null {
  const { kind, id } = o.ref;
  if (kind === "card") {
    const card = cardOf(map, id);
    return card ? { noun: CARD_NOUN[card.kind], name: card.title } : null;
  }
  const list =
    kind === "phase"
      ? map.phases
      : kind === "touchpoint"
        ? map.touchpoints
        : kind === "lane"
          ? map.lanes
          : map.personas;
  const found = (list as ReadonlyArray<{ id: string; name: string }>).find((x) => x.id === id);
  const noun = { phase: "phase", touchpoint: "step", lane: "lane", persona: "persona" }[kind];
  return found ? { noun, name: found.name } : null;
}

/** Where a position puts a thing, in words: "Purchase" (a phase) or "the step Pay". */
function placeName(map: JourneyMap, o: Overwrite, value: WatchedValue): string | null {
  const { parent } = placeOf(value);
  if (o.ref.kind === "touchpoint") {
    const phase = map.phases.find((p) => p.id === parent);
    return phase ? quoted(phase.name) : null;
  }
  const step = map.touchpoints.find((t) => t.id === parent);
  return step ? `the step ${quoted(step.name)}` : null;
}

export interface NoticeText {
  readonly text: string;
  /** False when my value cannot be written back (the thing or my place is gone). */
  readonly canPutBack: boolean;
}

/**
 * "Ben renamed the step “Pay” to “Checkout” after you", "Ben moved the pain point “Slow” to
 * the step “Browse”; you had moved it to the step “Compare”". Null when the thing is gone.
 */
export function describeOverwrite(map: JourneyMap, o: Overwrite, who: string): NoticeText | null {
  const thing = thingOf(map, o);
  if (!thing) return null;
  if (o.field !== "pos") {
    return {
      text: `${who} renamed the ${thing.noun} ${quoted(textOf(o.mine))} to ${quoted(textOf(o.theirs))} after you`,
      canPutBack: true,
    };
  }
  const theirs = placeName(map, o, o.theirs);
  const mine = placeName(map, o, o.mine);
  const samePlace = placeOf(o.mine).parent === placeOf(o.theirs).parent;
  const where = samePlace
    ? `elsewhere in ${theirs ?? "the map"}`
    : `to ${theirs ?? "another place"}`;
  const yours = samePlace ? "" : mine ? `; you had moved it to ${mine}` : "";
  return {
    text: `${who} moved the ${thing.noun} ${quoted(thing.name)} ${where} after you${yours}`,
    canPutBack: mine !== null,
  };
}

/** Where my key sorts among the parent's other children now. */
function indexAmong(siblings: ReadonlyArray<{ id: string; key: string }>, id: string, key: string) {
  return siblings.filter((s) => s.id !== id && compareOrder(s, { id, key }) < 0).length;
}

/** Writes my value back as an ordinary (undoable) edit. False when it cannot be. */
export function putMineBack(editor: MapEditor, map: JourneyMap, o: Overwrite): boolean {
  const { kind, id } = o.ref;
  if (o.field === "pos") {
    const { parent, key } = placeOf(o.mine);
    if (kind === "touchpoint") {
      if (!map.phases.some((p) => p.id === parent)) return false;
      const siblings = map.touchpoints.filter((t) => t.phaseId === parent);
      return editor.moveTouchpoint(
        id as TouchpointId,
        parent as PhaseId,
        indexAmong(siblings, id, key),
      );
    }
    if (!map.touchpoints.some((t) => t.id === parent)) return false;
    const siblings = map.cardsByTouchpoint.get(parent as TouchpointId) ?? [];
    return editor.moveCard(id as Card["id"], parent as TouchpointId, indexAmong(siblings, id, key));
  }
  const name = textOf(o.mine);
  switch (kind) {
    case "phase":
      return editor.updatePhase(id, { name });
    case "touchpoint":
      return editor.updateTouchpoint(id, { name });
    case "lane":
      return editor.updateLane(id, { name });
    case "persona":
      return editor.updatePersona(id, { name });
    case "card":
      return editor.updateCard(id, { title: name });
  }
}
