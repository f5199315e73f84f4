import * as Y from "yjs";
import type { PhaseId, TouchpointId } from "../ids.ts";
import { TOUCHPOINT } from "../layout.ts";
import type { TouchpointFields } from "../records/Touchpoint.ts";
import { writePlainText } from "../read/richText.ts";
import { CHANNELS } from "../vocabulary.ts";
import { deleteCardCascade } from "./cards.ts";
import { clearCells } from "./cells.ts";
import { deleteEmotionsWhere } from "./emotions.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { oneOf, shortText, withDefaults } from "./input.ts";
import { childrenOf, type MutationContext, transact } from "./transact.ts";

export interface NewTouchpoint extends TouchpointFields {
  readonly phaseId: PhaseId;
  /** Position among the phase's touchpoints; appended when omitted. */
  readonly index?: number;
  /** Plain text seeded into the rich-text description (templates and imports). */
  readonly descriptionText?: string;
}

const DEFAULTS = { name: "", channel: "website", action: "", team: "" };

function validFields(fields: TouchpointFields) {
  return {
    [TOUCHPOINT.name]: shortText(fields.name),
    [TOUCHPOINT.channel]: oneOf(fields.channel, CHANNELS, "channel"),
    [TOUCHPOINT.action]: shortText(fields.action),
    [TOUCHPOINT.team]: shortText(fields.team),
  };
}

export function addTouchpoint(
  doc: Y.Doc,
  input: NewTouchpoint,
  ctx: MutationContext,
): TouchpointId {
  const description = new Y.XmlFragment();
  const fields = () => ({
    ...withDefaults(DEFAULTS, validFields(input)),
    // Nested types are created with their entity, never lazily (INV-D3).
    [TOUCHPOINT.description]: description,
  });
  const at = { parent: input.phaseId, index: input.index };
  // One transaction: the description's text is written with the step (nested transact joins).
  return transact(doc, ctx, () => {
    const id = addEntity(doc, "touchpoints", fields, at, ctx) as TouchpointId;
    if (input.descriptionText) writePlainText(description, input.descriptionText);
    return id;
  });
}

export function updateTouchpoint(
  doc: Y.Doc,
  id: TouchpointId,
  fields: TouchpointFields,
  ctx: MutationContext,
): boolean {
  return updateEntity(doc, "touchpoints", id, () => validFields(fields), ctx);
}

/** Moves a touchpoint to `index` within `phaseId` (which may be its current phase). */
export function moveTouchpoint(
  doc: Y.Doc,
  id: TouchpointId,
  phaseId: PhaseId,
  index: number,
  ctx: MutationContext,
): boolean {
  return moveEntityTo(doc, "touchpoints", id, phaseId, index, ctx);
}

/**
 * Deletes a touchpoint with its cards, emotion points and cell contents. Evidence pointing at
 * it (or at its cards) is kept: it was contributed by others and shows as unassigned.
 */
export function deleteTouchpoint(doc: Y.Doc, id: TouchpointId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => deleteTouchpointCascade(doc, id));
}

export function deleteTouchpointCascade(doc: Y.Doc, id: string): boolean {
  return removeEntity(doc, "touchpoints", id, () => {
    for (const cardId of childrenOf(doc, "cards", id)) {
      deleteCardCascade(doc, cardId);
    }
    deleteEmotionsWhere(doc, (_persona, touchpointId) => touchpointId === id);
    clearCells(doc, (_lane, touchpointId) => touchpointId === id);
  });
}
