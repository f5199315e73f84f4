/** How the library names cards' kinds and statuses (the board's words, without its code). */
import type { CardKind, CardStatus } from "@journeymap/schema";

export const KIND_WORDS: Record<CardKind, string> = {
  painPoint: "Pain point",
  opportunity: "Opportunity",
};

export const STATUS_WORDS: Record<CardStatus, string> = {
  open: "Open",
  inProgress: "In progress",
  done: "Done",
  dismissed: "Dismissed",
};
