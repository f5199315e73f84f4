import type * as Y from "yjs";
import type { LaneId, TouchpointId } from "../ids.ts";
import { LANE, laneValueKey } from "../layout.ts";
import { type LaneFields, readLane } from "../records/Lane.ts";
import { type LaneValue, toLaneUnit, validLaneValue } from "../records/laneValue.ts";
import { LANE_TYPES, type LaneType } from "../vocabulary.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { oneOf, shortText } from "./input.ts";
import { getEntity, type MutationContext, transact } from "./transact.ts";

export interface NewLane {
  readonly name: string;
  readonly index?: number;
  /** What the cells hold; text when omitted. */
  readonly type?: LaneType;
  readonly unit?: string;
}

function typeFields(fields: { type?: LaneType | undefined; unit?: string | undefined }) {
  return {
    [LANE.type]: oneOf(fields.type, LANE_TYPES, "lane type"),
    [LANE.unit]: fields.unit === undefined ? undefined : toLaneUnit(fields.unit),
  };
}

/** Adds a custom lane (built-in lanes come from templates and migrations). */
export function addLane(doc: Y.Doc, input: NewLane, ctx: MutationContext): LaneId {
  const fields = () => ({
    [LANE.kind]: "text",
    [LANE.name]: shortText(input.name) ?? "",
    [LANE.hidden]: false,
    [LANE.type]: "text",
    ...Object.fromEntries(Object.entries(typeFields(input)).filter(([, v]) => v !== undefined)),
  });
  return addEntity(doc, "lanes", fields, { parent: "", index: input.index }, ctx) as LaneId;
}

/**
 * Renames, hides or retypes a lane. Only custom lanes have a type; retyping keeps the stored
 * values (switching back shows them again) and the text cells.
 */
export function updateLane(doc: Y.Doc, id: LaneId, fields: LaneFields, ctx: MutationContext) {
  const valid = () => {
    const map = getEntity(doc, "lanes", id);
    const typed = fields.type !== undefined || fields.unit !== undefined;
    if (typed && map && readLane(id, map).kind !== "text") {
      throw new RangeError("Only lanes you added can change what they hold.");
    }
    return {
      [LANE.name]: shortText(fields.name),
      [LANE.hidden]: fields.hidden,
      ...typeFields(fields),
    };
  };
  return updateEntity(doc, "lanes", id, valid, ctx);
}

/**
 * Sets (or with null, clears) one step's value in a typed lane. The value is checked against
 * the lane's type first: a bad value throws a RangeError and writes nothing. Missing lane:
 * false.
 */
export function setLaneValue(
  doc: Y.Doc,
  laneId: LaneId,
  touchpointId: TouchpointId,
  value: LaneValue | null,
  ctx: MutationContext,
): boolean {
  const map = getEntity(doc, "lanes", laneId);
  if (!map) return false;
  const key = laneValueKey(touchpointId);
  const stored = value === null ? null : validLaneValue(readLane(laneId, map).type, value);
  return transact(doc, ctx, () => {
    if (stored === null) {
      if (map.has(key)) map.delete(key);
    } else if (JSON.stringify(map.get(key)) !== JSON.stringify(stored)) {
      map.set(key, stored);
    }
    return true;
  });
}

export function moveLane(doc: Y.Doc, id: LaneId, index: number, ctx: MutationContext): boolean {
  return moveEntityTo(doc, "lanes", id, "", index, ctx);
}

/**
 * Deletes a custom lane. Its cells keep their text, hidden by the read model, so undo and
 * restore bring all of it back (INV-X5, as for steps). Built-in lanes cannot be deleted,
 * only hidden: the lane migration would bring them back (returns false).
 */
export function deleteLane(doc: Y.Doc, id: LaneId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = getEntity(doc, "lanes", id);
    if (!map || readLane(id, map).kind !== "text") return false;
    return removeEntity(doc, "lanes", id);
  });
}
