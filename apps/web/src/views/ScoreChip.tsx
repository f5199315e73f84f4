import { sentimentColour } from "../board/curve.ts";
import { formatScore } from "./scores.ts";
import "./shared.css";

/**
 * A score in its sentiment colour, for the table and the insights. A mean (−1.5) takes the
 * colour of the nearest whole score; the number is always printed.
 */
export function ScoreChip({ score }: { score: number }) {
  const whole = Math.round(score);
  return (
    <span
      className="tv-score-value"
      data-score={whole}
      style={{ background: sentimentColour(whole) }}
    >
      {formatScore(score)}
    </span>
  );
}
