/**
 * The emotion lane's geometry and words, without React: where a score sits, the points of a
 * curve over the board's columns, and how a score and a whole curve are read out.
 */
import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  type EmotionPoint,
  emotionKey,
  type Persona,
  type TouchpointId,
} from "@journeymap/schema";
import type { Column } from "./columns.ts";
import { scoreToY } from "./curve.ts";

export const EMOTION_LANE_HEIGHT = 200;
const CONTROLS_HEIGHT = 44;
/** The curve's area: the lane less the controls under it. */
export const GEOMETRY = { height: EMOTION_LANE_HEIGHT - CONTROLS_HEIGHT, padding: 16 };
/** The scale's lines, top (+3) to bottom (−3). */
export const GRID_SCORES = Array.from(
  { length: EMOTION_MAX - EMOTION_MIN + 1 },
  (_, k) => EMOTION_MAX - k,
);

/** "+2 Pleased". */
export function label(score: number): string {
  return `${score > 0 ? "+" : ""}${score} ${EMOTION_LABELS[score] ?? ""}`;
}

/** The score a key moves a point to (arrows by one, Home/End to the ends), or null. */
export function nextScore(key: string, current: number | undefined): number | null {
  const base = current ?? 0;
  if (key === "ArrowUp") return base + 1;
  if (key === "ArrowDown") return base - 1;
  if (key === "Home") return EMOTION_MAX;
  if (key === "End") return EMOTION_MIN;
  return null;
}

export function pointsFor(
  columns: readonly Column[],
  columnWidth: number,
  scoreOf: (touchpointId: TouchpointId) => number | undefined,
) {
  return columns.flatMap((column, i) => {
    if (column.kind !== "touchpoint") return [];
    const score = scoreOf(column.touchpoint.id);
    return score === undefined
      ? []
      : [{ x: i * columnWidth + columnWidth / 2, y: scoreToY(score, GEOMETRY), score, column, i }];
  });
}

/** "Emotion curve of Ana: Signs up +2 pleased; …" from the stored scores. */
export function curveLabel(
  persona: Persona,
  columns: readonly Column[],
  emotions: ReadonlyMap<string, EmotionPoint>,
): string {
  const points = pointsFor(columns, 1, (id) => emotions.get(emotionKey(persona.id, id))?.score);
  return `Emotion curve of ${persona.name}: ${points
    .map((p) =>
      p.column.kind === "touchpoint" ? `${p.column.touchpoint.name} ${label(p.score)}` : "",
    )
    .join("; ")}`;
}
