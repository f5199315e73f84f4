/**
 * The value/effort matrix as numbers (pure): value runs up, effort runs right, both 0–100.
 * High value for little effort is a quick win (top left); high value for a lot, a big bet;
 * little of both, a fill-in; little value for a lot of effort, a money pit.
 */
import { MATRIX_MAX } from "@journeymap/protocol/http";

export interface Placement {
  readonly value: number;
  readonly effort: number;
}

export const QUADRANTS = [
  { id: "quickWins", label: "Quick wins", hint: "High value, low effort" },
  { id: "bigBets", label: "Big bets", hint: "High value, high effort" },
  { id: "fillIns", label: "Fill-ins", hint: "Low value, low effort" },
  { id: "moneyPits", label: "Money pits", hint: "Low value, high effort" },
] as const;
export type QuadrantId = (typeof QUADRANTS)[number]["id"];

/** An arrow key moves a chip this far; with Shift, one unit. */
export const KEY_STEP = 5;
/** Where a chip dropped in by keyboard lands: the middle. */
export const CENTRE: Placement = { value: MATRIX_MAX / 2, effort: MATRIX_MAX / 2 };

const clamp = (n: number) => Math.min(MATRIX_MAX, Math.max(0, Math.round(n)));

export function quadrantOf({ value, effort }: Placement): QuadrantId {
  const high = value >= MATRIX_MAX / 2;
  const costly = effort >= MATRIX_MAX / 2;
  if (high) return costly ? "bigBets" : "quickWins";
  return costly ? "moneyPits" : "fillIns";
}

/** The place under a pointer in a matrix drawn in `rect`; null when the pointer is outside. */
export function placementAt(
  rect: { left: number; top: number; width: number; height: number },
  x: number,
  y: number,
): Placement | null {
  if (rect.width <= 0 || rect.height <= 0) return null;
  const fx = (x - rect.left) / rect.width;
  const fy = (y - rect.top) / rect.height;
  if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return null;
  return { effort: clamp(fx * MATRIX_MAX), value: clamp((1 - fy) * MATRIX_MAX) };
}

/** Where a chip sits, as CSS percentages of the matrix (left from effort, top from value). */
export function positionOf({ value, effort }: Placement): { left: string; top: string } {
  return { left: `${(effort / MATRIX_MAX) * 100}%`, top: `${100 - (value / MATRIX_MAX) * 100}%` };
}

const MOVES: Readonly<Record<string, Placement>> = {
  ArrowUp: { value: 1, effort: 0 },
  ArrowDown: { value: -1, effort: 0 },
  ArrowRight: { value: 0, effort: 1 },
  ArrowLeft: { value: 0, effort: -1 },
};

/** The place an arrow key moves a chip to; null for any other key. */
export function movedBy(at: Placement, key: string, fine: boolean): Placement | null {
  const move = MOVES[key];
  if (!move) return null;
  const step = fine ? 1 : KEY_STEP;
  return {
    value: clamp(at.value + move.value * step),
    effort: clamp(at.effort + move.effort * step),
  };
}
