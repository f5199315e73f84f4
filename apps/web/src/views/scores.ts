/** Emotion scores as text: the table's cells and the curve's text alternative. */
import { EMOTION_LABELS, EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";

/** "+2", "0", "−3" (a real minus sign, as screen readers read it). */
export function formatScore(score: number): string {
  if (score > 0) return `+${score}`;
  if (score < 0) return `\u2212${-score}`;
  return "0";
}

export function describeScore(score: number): string {
  return `${formatScore(score)} ${EMOTION_LABELS[score] ?? ""}`.trim();
}

export type ParsedScore =
  | { readonly ok: true; readonly score: number | null }
  | { readonly ok: false; readonly error: string };

export const SCORE_HINT = `A whole number from ${formatScore(EMOTION_MIN)} to ${formatScore(EMOTION_MAX)}; empty clears the point.`;

/** What someone typed into a score cell: a score, null (clear), or what is wrong with it. */
export function parseScore(input: string): ParsedScore {
  const text = input.trim().replace(/^[\u2212\u2013]/, "-");
  if (text === "") return { ok: true, score: null };
  if (!/^[+-]?\d+$/.test(text)) {
    return { ok: false, error: `"${input.trim()}" is not a whole number. ${SCORE_HINT}` };
  }
  const score = Number(text);
  if (score < EMOTION_MIN || score > EMOTION_MAX) {
    return { ok: false, error: `${formatScore(score)} is off the scale. ${SCORE_HINT}` };
  }
  return { ok: true, score: score === 0 ? 0 : score };
}
