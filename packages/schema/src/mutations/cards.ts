import type * as Y from "yjs";
import type { CardId, TouchpointId } from "../ids.ts";
import { CARD } from "../layout.ts";
import type { CardFields } from "../records/Card.ts";
import { CARD_KINDS, CARD_STATUSES, type CardKind, RATING_MAX, RATING_MIN } from "../vocabulary.ts";
import { clampInt, longText, oneOf, shortText, withDefaults } from "./input.ts";
import {
  entityMap,
  insertEntity,
  moveEntity,
  type MutationContext,
  newId,
  positionAt,
  setFields,
  transact,
} from "./transact.ts";

export interface NewCard extends CardFields {
  readonly kind: CardKind;
  readonly touchpointId: TouchpointId;
  readonly index?: number;
}

function validFields(fields: CardFields) {
  return {
    [CARD.title]: shortText(fields.title),
    [CARD.detail]: longText(fields.detail),
    [CARD.rating]: clampInt(fields.rating, RATING_MIN, RATING_MAX),
    [CARD.status]: oneOf(fields.status, CARD_STATUSES, "card status"),
    [CARD.owner]: shortText(fields.owner),
  };
}

export function addCard(doc: Y.Doc, input: NewCard, ctx: MutationContext): CardId {
  return transact(doc, ctx, () => {
    const id = newId(ctx) as CardId;
    insertEntity(doc, "cards", id, {
      ...withDefaults(
        {
          title: "",
          detail: "",
          rating: 3,
          status: "open",
          owner: "",
        },
        validFields(input),
      ),
      [CARD.kind]: oneOf(input.kind, CARD_KINDS, "card kind"),
      [CARD.pos]: positionAt(doc, "cards", input.touchpointId, input.index),
    });
    return id;
  });
}

export function updateCard(doc: Y.Doc, id: CardId, fields: CardFields, ctx: MutationContext) {
  return transact(doc, ctx, () => setFields(doc, "cards", id, validFields(fields)));
}

export function moveCard(
  doc: Y.Doc,
  id: CardId,
  touchpointId: TouchpointId,
  index: number,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => moveEntity(doc, "cards", id, touchpointId, index));
}

/** Deletes a card; evidence attached to it is kept and shows as unassigned. */
export function deleteCard(doc: Y.Doc, id: CardId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => deleteCardCascade(doc, id));
}

export function deleteCardCascade(doc: Y.Doc, id: string): boolean {
  const map = entityMap(doc, "cards");
  if (!map.has(id)) return false;
  map.delete(id);
  return true;
}
