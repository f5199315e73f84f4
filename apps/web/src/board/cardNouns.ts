/** How the board names a card kind in labels and titles, with its article, in one place. */
import type { CardKind } from "@journeymap/schema";

export const CARD_NOUN: Record<CardKind, string> = {
  painPoint: "pain point",
  opportunity: "opportunity",
};

/** "a pain point", "an opportunity". */
export function aCard(kind: CardKind): string {
  const noun = CARD_NOUN[kind];
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** The accessible name of a cell's add button. */
export function addCardLabel(kind: CardKind, stepName: string): string {
  return `Add ${aCard(kind)} to ${stepName}`;
}
