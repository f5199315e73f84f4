import type { CardId, TouchpointId } from "../ids.ts";
import { CARD } from "../layout.ts";
import { MAX_LONG_TEXT, toInt, toOneOf, toPosition, toText } from "../read/coerce.ts";
import {
  CARD_KINDS,
  CARD_STATUSES,
  type CardKind,
  type CardStatus,
  RATING_MAX,
  RATING_MIN,
} from "../vocabulary.ts";
import type { Fields } from "./fields.ts";

/** A pain point or an opportunity, attached to one touchpoint. */
export interface Card {
  readonly id: CardId;
  readonly kind: CardKind;
  readonly touchpointId: TouchpointId;
  readonly key: string;
  readonly title: string;
  readonly detail: string;
  /** Severity for pain points, impact for opportunities: 1 (low) to 5 (high). */
  readonly rating: number;
  readonly status: CardStatus;
  readonly owner: string;
  /**
   * The workspace library opportunity it stands for (issue 19): the server writes the library
   * opportunity's title into it. Null: a card of this map only.
   */
  readonly libraryOpportunityId: string | null;
}

export type CardFields = Partial<Pick<Card, "title" | "detail" | "rating" | "status" | "owner">>;

export const CARD_DEFAULT_RATING = 3;

export function readCard(id: string, fields: Fields): Card {
  const pos = toPosition(fields.get(CARD.pos));
  const kind = toOneOf(fields.get(CARD.kind), CARD_KINDS, "painPoint");
  return {
    id: id as CardId,
    kind,
    touchpointId: pos.parent as TouchpointId,
    key: pos.key,
    title:
      toText(fields.get(CARD.title)).trim() ||
      (kind === "painPoint" ? "Untitled pain point" : "Untitled opportunity"),
    detail: toText(fields.get(CARD.detail), "", MAX_LONG_TEXT),
    rating: toInt(fields.get(CARD.rating), RATING_MIN, RATING_MAX, CARD_DEFAULT_RATING),
    status: toOneOf(fields.get(CARD.status), CARD_STATUSES, "open"),
    owner: toText(fields.get(CARD.owner)),
    libraryOpportunityId: toLibraryOpportunityId(fields.get(CARD.libraryOpportunityId)),
  };
}

/** Library opportunity ids are the server's random ids: short, no spaces or slashes. */
const LIBRARY_OPPORTUNITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isLibraryOpportunityId(value: unknown): value is string {
  return typeof value === "string" && LIBRARY_OPPORTUNITY_ID.test(value);
}

/** The stored link, or null when absent or not an id. */
export function toLibraryOpportunityId(value: unknown): string | null {
  return isLibraryOpportunityId(value) ? value : null;
}
