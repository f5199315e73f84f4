/**
 * Geometry of the emotion curve: scores on the product's fixed scale mapped to y positions
 * in the lane, and a smooth path through the points (d3-shape, monotone in x so the curve
 * never overshoots a score).
 */
import { EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";
import { curveMonotoneX, line } from "d3-shape";

export interface CurveGeometry {
  readonly height: number;
  /** Vertical padding so points at the extremes are fully visible. */
  readonly padding: number;
}

export function scoreToY(score: number, { height, padding }: CurveGeometry): number {
  const t = (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN);
  return padding + t * (height - 2 * padding);
}

/** The nearest score on the scale for a y position (used while dragging a point). */
export function yToScore(y: number, { height, padding }: CurveGeometry): number {
  const t = (y - padding) / (height - 2 * padding);
  const score = Math.round(EMOTION_MAX - t * (EMOTION_MAX - EMOTION_MIN));
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, score)) || 0; // never -0
}

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** An SVG path through the points, or "" when there are fewer than two. */
export function curvePath(points: readonly CurvePoint[]): string {
  if (points.length < 2) return "";
  return (
    line<CurvePoint>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveMonotoneX)(points) ?? ""
  );
}

/** CSS colour variable for a score (colour is always paired with the number and a label). */
export function sentimentColour(score: number): string {
  if (score === 0) return "var(--sentiment-0)";
  return score < 0 ? `var(--sentiment-n${-score})` : `var(--sentiment-p${score})`;
}

/**
 * The points a curve needs to be drawn exactly over columns `first`..`last`: those columns'
 * points and two more on each side (a monotone segment depends on the tangents at its ends,
 * and a tangent on the points either side). Drawing a 300-step curve only near the viewport
 * keeps a drag's repaint small. Points must be ordered by their column `i`.
 */
export function pointsForColumns<P extends { readonly i: number }>(
  points: readonly P[],
  first: number,
  last: number,
): readonly P[] {
  let from = points.findIndex((p) => p.i >= first);
  if (from < 0) from = points.length;
  let to = from;
  while (to < points.length && points[to]!.i <= last) to++;
  return points.slice(Math.max(0, from - 2), Math.min(points.length, to + 2));
}

/**
 * The rendered columns (ascending) as runs `[first, last]` to draw curves over. The board
 * renders the window plus pinned columns (the one holding focus), so after a curve point or a
 * step far to the left got focus, one range from the pinned column to the window spanned most
 * of a 66,000 px board, and every window move re-rasterized that path (scrolling halved, to
 * about 35 fps). Runs closer than the 2 extra points each side need are merged, so no segment
 * is drawn twice.
 */
export function columnRuns(shown: readonly number[]): readonly (readonly [number, number])[] {
  const runs: [number, number][] = [];
  for (const i of shown) {
    const run = runs[runs.length - 1];
    if (run && i - run[1] <= 4) run[1] = Math.max(run[1], i);
    else runs.push([i, i]);
  }
  return runs;
}

/** A curve drawn over the given runs of columns only: one subpath per run. */
export function curvePathOverRuns<P extends CurvePoint & { readonly i: number }>(
  points: readonly P[],
  runs: readonly (readonly [number, number])[],
): string {
  return runs
    .map(([first, last]) => curvePath(pointsForColumns(points, first, last)))
    .filter((d) => d !== "")
    .join(" ");
}

/** The last point inside the runs (where a drawn curve ends on screen, for its name). */
export function lastPointInRuns<P extends { readonly i: number }>(
  points: readonly P[],
  runs: readonly (readonly [number, number])[],
): P | undefined {
  return points.findLast((p) => runs.some(([first, last]) => p.i >= first && p.i <= last));
}
