import type * as Y from "yjs";
import type { LaneId } from "../ids.ts";
import { LANE } from "../layout.ts";
import { type LaneFields, readLane } from "../records/Lane.ts";
import { clearCells } from "./cells.ts";
import { shortText } from "./input.ts";
import {
  entityMap,
  getEntity,
  insertEntity,
  moveEntity,
  type MutationContext,
  newId,
  positionAt,
  setFields,
  transact,
} from "./transact.ts";

export interface NewLane {
  readonly name: string;
  readonly index?: number;
}

/** Adds a custom text lane (built-in lanes come from templates and migrations). */
export function addLane(doc: Y.Doc, input: NewLane, ctx: MutationContext): LaneId {
  return transact(doc, ctx, () => {
    const id = newId(ctx) as LaneId;
    insertEntity(doc, "lanes", id, {
      [LANE.kind]: "text",
      [LANE.name]: shortText(input.name) ?? "",
      [LANE.hidden]: false,
      [LANE.pos]: positionAt(doc, "lanes", "", input.index),
    });
    return id;
  });
}

export function updateLane(doc: Y.Doc, id: LaneId, fields: LaneFields, ctx: MutationContext) {
  return transact(doc, ctx, () =>
    setFields(doc, "lanes", id, {
      [LANE.name]: shortText(fields.name),
      [LANE.hidden]: fields.hidden,
    }),
  );
}

export function moveLane(doc: Y.Doc, id: LaneId, index: number, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => moveEntity(doc, "lanes", id, "", index));
}

/**
 * Deletes a custom lane and empties its cells. Built-in lanes cannot be deleted, only
 * hidden: the lane migration would bring them back (returns false).
 */
export function deleteLane(doc: Y.Doc, id: LaneId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = getEntity(doc, "lanes", id);
    if (!map || readLane(id, map).kind !== "text") return false;
    entityMap(doc, "lanes").delete(id);
    clearCells(doc, (laneId) => laneId === id);
    return true;
  });
}
