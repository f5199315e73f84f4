import { EMOTION_LABELS, type EvidenceKind } from "@journeymap/schema";

export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  quote: "Quote",
  ticket: "Ticket",
  callNote: "Call note",
  metric: "Metric",
  other: "Other",
};

/** "−2 Negative": the number and the word, so colour is never the only cue. */
export function sentimentLabel(score: number | null): string {
  if (score === null) return "No sentiment";
  const sign = score > 0 ? "+" : score < 0 ? "−" : "";
  return `${sign}${Math.abs(score)} ${EMOTION_LABELS[score] ?? ""}`.trim();
}

export function sentimentClass(score: number | null): string {
  if (score === null) return "sentiment--none";
  return score < 0 ? "sentiment--neg" : score > 0 ? "sentiment--pos" : "sentiment--neutral";
}

/** "+1.5", "−2" (a real minus), "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0";
}
