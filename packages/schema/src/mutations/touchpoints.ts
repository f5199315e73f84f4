import * as Y from "yjs";
import type { PhaseId, TouchpointId } from "../ids.ts";
import { TOUCHPOINT } from "../layout.ts";
import type { TouchpointFields } from "../records/Touchpoint.ts";
import { writePlainText } from "../read/richText.ts";
import { CHANNELS } from "../vocabulary.ts";
import { deleteCardCascade } from "./cards.ts";
import { clearCells } from "./cells.ts";
import { deleteEmotionsWhere } from "./emotions.ts";
import { oneOf, shortText, withDefaults } from "./input.ts";
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

export interface NewTouchpoint extends TouchpointFields {
  readonly phaseId: PhaseId;
  /** Position among the phase's touchpoints; appended when omitted. */
  readonly index?: number;
  /** Plain text seeded into the rich-text description (templates and imports). */
  readonly descriptionText?: string;
}

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
  return transact(doc, ctx, () => {
    const id = newId(ctx) as TouchpointId;
    const description = new Y.XmlFragment();
    insertEntity(doc, "touchpoints", id, {
      ...withDefaults(
        {
          name: "",
          channel: "website",
          action: "",
          team: "",
        },
        validFields(input),
      ),
      [TOUCHPOINT.pos]: positionAt(doc, "touchpoints", input.phaseId, input.index),
      // Nested types are created with their entity, never lazily (INV-D3).
      [TOUCHPOINT.description]: description,
    });
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
  return transact(doc, ctx, () => setFields(doc, "touchpoints", id, validFields(fields)));
}

/** Moves a touchpoint to `index` within `phaseId` (which may be its current phase). */
export function moveTouchpoint(
  doc: Y.Doc,
  id: TouchpointId,
  phaseId: PhaseId,
  index: number,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => moveEntity(doc, "touchpoints", id, phaseId, index));
}

/**
 * Deletes a touchpoint with its cards, emotion points and cell contents. Evidence pointing at
 * it (or at its cards) is kept: it was contributed by others and shows as unassigned.
 */
export function deleteTouchpoint(doc: Y.Doc, id: TouchpointId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => deleteTouchpointCascade(doc, id));
}

export function deleteTouchpointCascade(doc: Y.Doc, id: string): boolean {
  const map = entityMap(doc, "touchpoints");
  if (!map.has(id)) return false;
  map.delete(id);
  for (const cardId of childrenOf(doc, "cards", id)) deleteCardCascade(doc, cardId);
  deleteEmotionsWhere(doc, (_persona, touchpointId) => touchpointId === id);
  clearCells(doc, (_lane, touchpointId) => touchpointId === id);
  return true;
}
