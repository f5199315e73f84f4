import type * as Y from "yjs";
import type { PhaseId } from "../ids.ts";
import { PHASE } from "../layout.ts";
import type { PhaseFields } from "../records/Phase.ts";
import { colour, longText, shortText, withDefaults } from "./input.ts";
import { deleteTouchpointCascade } from "./touchpoints.ts";
import {
  childrenOf,
  entityMap,
  insertEntity,
  moveEntity,
  type MutationContext,
  newId,
  positionAt,
  setFields,
  transact,
} from "./transact.ts";

export interface NewPhase extends PhaseFields {
  readonly index?: number;
}

function validFields(fields: PhaseFields) {
  return {
    [PHASE.name]: shortText(fields.name),
    [PHASE.colour]: colour(fields.colour),
    [PHASE.description]: longText(fields.description),
  };
}

export function addPhase(doc: Y.Doc, input: NewPhase, ctx: MutationContext): PhaseId {
  return transact(doc, ctx, () => {
    const id = newId(ctx) as PhaseId;
    insertEntity(doc, "phases", id, {
      ...withDefaults(
        {
          name: "",
          description: "",
        },
        validFields(input),
      ),
      [PHASE.pos]: positionAt(doc, "phases", "", input.index),
    });
    return id;
  });
}

export function updatePhase(doc: Y.Doc, id: PhaseId, fields: PhaseFields, ctx: MutationContext) {
  return transact(doc, ctx, () => setFields(doc, "phases", id, validFields(fields)));
}

export function movePhase(doc: Y.Doc, id: PhaseId, index: number, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => moveEntity(doc, "phases", id, "", index));
}

/**
 * Deletes a phase and, with it, the touchpoints it holds at this moment (each with its own
 * cascade). A touchpoint added to the phase concurrently elsewhere survives in the
 * Unassigned phase (INV-R1).
 */
export function deletePhase(doc: Y.Doc, id: PhaseId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = entityMap(doc, "phases");
    if (!map.has(id)) return false;
    for (const touchpointId of childrenOf(doc, "touchpoints", id)) {
      deleteTouchpointCascade(doc, touchpointId);
    }
    map.delete(id);
    return true;
  });
}
