/** Which cards of a summary still ask for work: neither done nor dismissed. */
import type { CardSummary, MapSummary } from "@journeymap/schema";

export function isOpenCard(card: CardSummary): boolean {
  return card.status !== "done" && card.status !== "dismissed";
}

export function openCards(summary: MapSummary, kind: CardSummary["kind"]): CardSummary[] {
  return summary.cards.filter((c) => c.kind === kind && isOpenCard(c));
}

/** Highest rating first, then most evidence: the order priorities are read in. */
export function byPriority<T extends Pick<CardSummary, "rating" | "evidenceCount">>(
  a: T,
  b: T,
): number {
  return b.rating - a.rating || b.evidenceCount - a.evidenceCount;
}
