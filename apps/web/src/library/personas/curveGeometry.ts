/**
 * Where a persona's curve in one map is drawn: one x slot per step of that map (maps have
 * their own steps, so each map gets its own small chart), y from the best score at the top to
 * the worst at the bottom. Pure, so the chart component only draws.
 */
import { EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";

export interface CurveFrame {
  readonly width: number;
  readonly height: number;
  /** Room around the plot for the dots (px). */
  readonly pad: number;
}

export interface PlottedPoint {
  readonly stepId: string;
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

export function yOf(score: number, frame: CurveFrame): number {
  const span = EMOTION_MAX - EMOTION_MIN;
  return frame.pad + ((EMOTION_MAX - score) / span) * (frame.height - 2 * frame.pad);
}

/** The x of a map's step slot `index` of `count`: one step sits in the middle. */
export function slotX(index: number, count: number, frame: CurveFrame): number {
  const width = frame.width - 2 * frame.pad;
  return frame.pad + (count <= 1 ? width / 2 : (index / (count - 1)) * width);
}

/** The curve's points at their steps' slots; points of steps the map no longer has are left out. */
export function plotCurve(
  steps: readonly { readonly id: string }[],
  curve: readonly { readonly stepId: string; readonly score: number }[],
  frame: CurveFrame,
): PlottedPoint[] {
  const slot = new Map(steps.map((s, i) => [s.id, i]));
  const points: PlottedPoint[] = [];
  for (const point of curve) {
    const i = slot.get(point.stepId);
    if (i !== undefined)
      points.push({
        stepId: point.stepId,
        x: slotX(i, steps.length, frame),
        y: yOf(point.score, frame),
        score: point.score,
      });
  }
  return points;
}
