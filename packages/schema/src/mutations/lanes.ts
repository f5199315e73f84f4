import type * as Y from "yjs";
import type { LaneId } from "../ids.ts";
import { LANE } from "../layout.ts";
import { type LaneFields, readLane } from "../records/Lane.ts";
import { clearCells } from "./cells.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { shortText } from "./input.ts";
import { getEntity, type MutationContext, transact } from "./transact.ts";

export interface NewLane {
  readonly name: string;
  readonly index?: number;
}

/** Adds a custom text lane (built-in lanes come from templates and migrations). */
export function addLane(doc: Y.Doc, input: NewLane, ctx: MutationContext): LaneId {
  const fields = () => ({
    [LANE.kind]: "text",
    [LANE.name]: shortText(input.name) ?? "",
    [LANE.hidden]: false,
  });
  return addEntity(doc, "lanes", fields, { parent: "", index: input.index }, ctx) as LaneId;
}

export function updateLane(doc: Y.Doc, id: LaneId, fields: LaneFields, ctx: MutationContext) {
  const valid = () => ({ [LANE.name]: shortText(fields.name), [LANE.hidden]: fields.hidden });
  return updateEntity(doc, "lanes", id, valid, ctx);
}

export function moveLane(doc: Y.Doc, id: LaneId, index: number, ctx: MutationContext): boolean {
  return moveEntityTo(doc, "lanes", id, "", index, ctx);
}

/**
 * Deletes a custom lane and empties its cells. Built-in lanes cannot be deleted, only
 * hidden: the lane migration would bring them back (returns false).
 */
export function deleteLane(doc: Y.Doc, id: LaneId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = getEntity(doc, "lanes", id);
    if (!map || readLane(id, map).kind !== "text") return false;
    return removeEntity(doc, "lanes", id, () => clearCells(doc, (laneId) => laneId === id));
  });
}
