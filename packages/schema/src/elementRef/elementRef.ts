/**
 * One typed reference to a board element: a phase, a step, a card, a lane, a persona, a piece
 * of evidence, one lane's cell at a step, one persona's emotion point at a step, or the map's
 * own fields (title and scenario). Code passes `ElementRef`s around; the string forms that
 * name elements are produced and read here, and in ./talkTarget.ts for comment targets.
 *
 * The element key is `<kind>:<id>`: `phase:<id>`, `touchpoint:<id>`, `card:<id>`, `lane:<id>`,
 * `persona:<id>`, `evidence:<id>`, `cell:<cell root name>` (`cell:cell/<lane>/<step>`),
 * `point:<emotion key>` (`point:<persona>/<step>`), and `meta` alone. It is the board's
 * `data-presence` attribute, the selection other clients receive through awareness (in its two
 * halves) and the target of the history's changes and attribution, which the server computes.
 * Clients of two versions meet during a deploy, so the key keeps this exact shape; emotion
 * points are `point:` in it for that reason, though the type calls them `emotion` as comment
 * targets and the history's entities do.
 */
import {
  type CardId,
  type EvidenceId,
  isValidId,
  type LaneId,
  type PersonaId,
  type PhaseId,
  type TouchpointId,
} from "../ids.ts";
import { cellRootName, emotionKey, parseCellRootName, parseEmotionKey } from "../layout.ts";

export type ElementRef =
  | { readonly kind: "phase"; readonly id: PhaseId }
  | { readonly kind: "touchpoint"; readonly id: TouchpointId }
  | { readonly kind: "card"; readonly id: CardId }
  | { readonly kind: "lane"; readonly id: LaneId }
  | { readonly kind: "persona"; readonly id: PersonaId }
  | { readonly kind: "evidence"; readonly id: EvidenceId }
  | { readonly kind: "cell"; readonly laneId: LaneId; readonly touchpointId: TouchpointId }
  | { readonly kind: "emotion"; readonly personaId: PersonaId; readonly touchpointId: TouchpointId }
  | { readonly kind: "meta" };

export type ElementKind = ElementRef["kind"];
export type RefOf<K extends ElementKind> = Extract<ElementRef, { readonly kind: K }>;

/** The kinds named by one entity id. */
export const ENTITY_KINDS = ["phase", "touchpoint", "card", "lane", "persona", "evidence"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The key of the map's own fields (title and scenario). */
export const META_KEY = "meta";
const META_REF: RefOf<"meta"> = { kind: "meta" };
/** Emotion points keep the key prefix they had before they had a type (see above). */
const POINT_PREFIX = "point";

function isEntityKind(kind: unknown): kind is EntityKind {
  return ENTITY_KINDS.includes(kind as EntityKind);
}

/**
 * The reference to one entity from an untrusted id (a DOM attribute, a stored target), or null
 * when the id is not one the map could hold.
 */
export function readEntityRef<K extends EntityKind>(kind: K, id: unknown): RefOf<K> | null {
  // The one place an untrusted string becomes a branded id of an element.
  return isValidId(id) ? ({ kind, id } as RefOf<K>) : null;
}

export function cellRef(laneId: string, touchpointId: string): RefOf<"cell"> | null {
  return isValidId(laneId) && isValidId(touchpointId)
    ? { kind: "cell", laneId: laneId as LaneId, touchpointId: touchpointId as TouchpointId }
    : null;
}

export function emotionRef(personaId: string, touchpointId: string): RefOf<"emotion"> | null {
  return isValidId(personaId) && isValidId(touchpointId)
    ? {
        kind: "emotion",
        personaId: personaId as PersonaId,
        touchpointId: touchpointId as TouchpointId,
      }
    : null;
}

export function elementKey(ref: ElementRef): string {
  switch (ref.kind) {
    case "cell":
      return cellKey(cellRootName(ref.laneId, ref.touchpointId));
    case "emotion":
      return pointKey(emotionKey(ref.personaId, ref.touchpointId));
    case "meta":
      return META_KEY;
    default:
      return entityKey(ref.kind, ref.id);
  }
}

/**
 * The key of an entity, a cell or a point from the names the document stores them under, for
 * code that reads the document's roots (history, attribution) and has no typed ids at hand.
 */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The key of a cell from its root fragment's name (`cell/<lane>/<step>`). */
export function cellKey(cellRoot: string): string {
  return `cell:${cellRoot}`;
}

/** The key of an emotion point from its key in the `emotions` map (`<persona>/<step>`). */
export function pointKey(emotionMapKey: string): string {
  return `${POINT_PREFIX}:${emotionMapKey}`;
}

/** The element a key names, or null for anything `elementKey` does not produce. */
export function parseElementKey(key: string): ElementRef | null {
  const split = key.indexOf(":");
  if (split < 0) return key === META_KEY ? META_REF : null;
  const kind = key.slice(0, split);
  const id = key.slice(split + 1);
  if (isEntityKind(kind)) return readEntityRef(kind, id);
  if (kind === "cell") {
    const parts = parseCellRootName(id);
    return parts ? cellRef(parts.laneId, parts.touchpointId) : null;
  }
  if (kind === POINT_PREFIX) {
    const parts = parseEmotionKey(id);
    return parts ? emotionRef(parts.personaId, parts.touchpointId) : null;
  }
  return null;
}

/** The step an element sits at, if it sits at one step (a step, a cell, an emotion point). */
export function stepOf(ref: ElementRef): TouchpointId | null {
  if (ref.kind === "touchpoint") return ref.id;
  if (ref.kind === "cell" || ref.kind === "emotion") return ref.touchpointId;
  return null;
}
