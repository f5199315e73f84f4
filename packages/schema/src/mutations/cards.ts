import type * as Y from "yjs";
import type { CardId, TouchpointId } from "../ids.ts";
import { CARD, cardDescriptionRootName } from "../layout.ts";
import { writePlainText } from "../read/richText.ts";
import { type CardFields, isLibraryOpportunityId } from "../records/Card.ts";
import { CARD_KINDS, CARD_STATUSES, type CardKind, RATING_MAX, RATING_MIN } from "../vocabulary.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { clampInt, longText, oneOf, shortText, withDefaults } from "./input.ts";
import { type MutationContext, transact } from "./transact.ts";

export interface NewCard extends CardFields {
  readonly kind: CardKind;
  readonly touchpointId: TouchpointId;
  readonly index?: number;
}

const DEFAULTS = { title: "", detail: "", rating: 3, status: "open", owner: "" };

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
  const fields = () => ({
    ...withDefaults(DEFAULTS, validFields(input)),
    [CARD.kind]: oneOf(input.kind, CARD_KINDS, "card kind"),
  });
  const at = { parent: input.touchpointId, index: input.index };
  return addEntity(doc, "cards", fields, at, ctx) as CardId;
}

export function updateCard(doc: Y.Doc, id: CardId, fields: CardFields, ctx: MutationContext) {
  return updateEntity(doc, "cards", id, () => validFields(fields), ctx);
}

/**
 * Links a card to a workspace library opportunity (issue 19), or unlinks it (null): its fields
 * stay as they are either way. One plain value, so a concurrent link and unlink converge on one.
 */
export function linkCard(
  doc: Y.Doc,
  id: CardId,
  libraryOpportunityId: string | null,
  ctx: MutationContext,
): boolean {
  if (libraryOpportunityId !== null && !isLibraryOpportunityId(libraryOpportunityId)) {
    throw new RangeError(`Not a library opportunity id: ${JSON.stringify(libraryOpportunityId)}`);
  }
  return updateEntity(
    doc,
    "cards",
    id,
    () => ({ [CARD.libraryOpportunityId]: libraryOpportunityId }),
    ctx,
  );
}

export function moveCard(
  doc: Y.Doc,
  id: CardId,
  touchpointId: TouchpointId,
  index: number,
  ctx: MutationContext,
): boolean {
  return moveEntityTo(doc, "cards", id, touchpointId, index, ctx);
}

/**
 * The rich-text description of a card, for the editor. A root type (see layout.ts), so it
 * exists for every card, old or new, and two people typing into an empty one meet in one
 * fragment. It is left in place when the card is deleted, so undoing the delete brings the
 * text back with the card.
 */
export function cardDescription(doc: Y.Doc, cardId: CardId): Y.XmlFragment {
  return doc.getXmlFragment(cardDescriptionRootName(cardId));
}

/** Replaces a card's description with plain text (templates, imports, tests). */
export function setCardDescriptionText(
  doc: Y.Doc,
  cardId: CardId,
  text: string,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => writePlainText(cardDescription(doc, cardId), text));
}

/** Deletes a card; evidence attached to it is kept and shows as unassigned. */
export function deleteCard(doc: Y.Doc, id: CardId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => deleteCardCascade(doc, id));
}

export function deleteCardCascade(doc: Y.Doc, id: string): boolean {
  return removeEntity(doc, "cards", id);
}
