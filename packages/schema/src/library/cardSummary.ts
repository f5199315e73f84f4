/** The pain points and opportunities of a map, for summaries (mapSummary.ts). */
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { CardKind, CardStatus } from "../vocabulary.ts";

export interface CardSummary {
  readonly id: string;
  readonly kind: CardKind;
  readonly title: string;
  readonly stepId: string;
  readonly phaseId: string;
  /** Severity of a pain point, impact of an opportunity: 1 (low) to 5 (high). */
  readonly rating: number;
  readonly status: CardStatus;
  readonly owner: string;
  /** Evidence attached to the card itself. */
  readonly evidenceCount: number;
  /** The workspace library opportunity the card stands for; null: none (issue 19). */
  readonly libraryOpportunityId: string | null;
}

export function summarizeCards(map: JourneyMap): CardSummary[] {
  const phaseOf = new Map(map.touchpoints.map((t) => [t.id as string, t.phaseId as string]));
  const cards: CardSummary[] = [];
  for (const step of map.touchpoints) {
    for (const card of map.cardsByTouchpoint.get(step.id) ?? []) {
      cards.push({
        id: card.id,
        kind: card.kind,
        title: card.title,
        stepId: step.id,
        phaseId: phaseOf.get(step.id) ?? "",
        rating: card.rating,
        status: card.status,
        owner: card.owner,
        evidenceCount: map.evidenceByTarget.get(card.id)?.length ?? 0,
        libraryOpportunityId: card.libraryOpportunityId,
      });
    }
  }
  return cards;
}
