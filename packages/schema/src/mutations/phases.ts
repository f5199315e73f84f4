import type * as Y from "yjs";
import type { PhaseId } from "../ids.ts";
import { PHASE } from "../layout.ts";
import type { PhaseFields } from "../records/Phase.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { colour, longText, shortText, withDefaults } from "./input.ts";
import { deleteTouchpointCascade } from "./touchpoints.ts";
import { childrenOf, type MutationContext, transact } from "./transact.ts";

export interface NewPhase extends PhaseFields {
  readonly index?: number;
}

const DEFAULTS = { name: "", description: "" };

function validFields(fields: PhaseFields) {
  return {
    [PHASE.name]: shortText(fields.name),
    [PHASE.colour]: colour(fields.colour),
    [PHASE.description]: longText(fields.description),
  };
}

export function addPhase(doc: Y.Doc, input: NewPhase, ctx: MutationContext): PhaseId {
  const fields = () => withDefaults(DEFAULTS, validFields(input));
  return addEntity(doc, "phases", fields, { parent: "", index: input.index }, ctx) as PhaseId;
}

export function updatePhase(doc: Y.Doc, id: PhaseId, fields: PhaseFields, ctx: MutationContext) {
  return updateEntity(doc, "phases", id, () => validFields(fields), ctx);
}

export function movePhase(doc: Y.Doc, id: PhaseId, index: number, ctx: MutationContext): boolean {
  return moveEntityTo(doc, "phases", id, "", index, ctx);
}

/**
 * Deletes a phase and, with it, the touchpoints it holds at this moment (each with its own
 * cascade). A touchpoint added to the phase concurrently elsewhere survives in the
 * Unassigned phase (INV-R1).
 */
export function deletePhase(doc: Y.Doc, id: PhaseId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () =>
    removeEntity(doc, "phases", id, () => {
      for (const touchpointId of childrenOf(doc, "touchpoints", id)) {
        deleteTouchpointCascade(doc, touchpointId);
      }
    }),
  );
}
