/**
 * The rows of the branch figures table (original, branch, difference), shared by the compare
 * page, the insights panel and the PDF export so all three print the same figures the same
 * way. Fewer steps, switches and hand-offs are better; higher emotion points are better.
 */
import { type FigureComparison, formatScore } from "@journeymap/schema";

/** The comparison as the compare API sends it: without the per-phase steps. */
export type FigureInput = Omit<FigureComparison, "stepsPerPhase"> &
  Partial<Pick<FigureComparison, "stepsPerPhase">>;

export interface FigureRow {
  readonly label: string;
  /** A per-phase row under "Steps". */
  readonly sub: boolean;
  readonly left: string;
  readonly right: string;
  /** "+2", "−1.5" (a real minus sign), or "" when nothing changed or a side has no value. */
  readonly delta: string;
  /** The change goes the right way. */
  readonly better: boolean;
}

const score = (n: number | null) => (n === null ? "—" : formatScore(n));

function row(
  label: string,
  left: number | null,
  right: number | null,
  better: "up" | "down",
  format: (n: number | null) => string = String,
  sub = false,
): FigureRow {
  const base = { label, sub, left: format(left), right: format(right) };
  if (left === null || right === null || left === right)
    return { ...base, delta: "", better: false };
  const d = Math.round((right - left) * 10) / 10;
  return {
    ...base,
    delta: `${d > 0 ? "+" : "\u2212"}${Math.abs(d)}`,
    better: better === "up" ? d > 0 : d < 0,
  };
}

export function figureRows(figures: FigureInput): FigureRow[] {
  return [
    row("Steps", figures.steps.left, figures.steps.right, "down"),
    ...(figures.stepsPerPhase ?? []).map((p) => row(p.name, p.left, p.right, "down", String, true)),
    row("Channel switches", figures.channelSwitches.left, figures.channelSwitches.right, "down"),
    row("Hand-offs", figures.handOffs.left, figures.handOffs.right, "down"),
    ...figures.personas.flatMap((p) => [
      row(`${p.name}: lowest point`, p.low.left, p.low.right, "up", score),
      row(`${p.name}: average`, p.average.left, p.average.right, "up", score),
    ]),
  ];
}
