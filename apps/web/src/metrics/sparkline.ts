/**
 * The points of a small line chart (pure, so the board cell and the SVG export draw the same
 * line): values spread evenly across `width`, scaled into `height` with the target (when
 * given) inside the range, so a line above the target line reads as above it.
 */
export interface Sparkline {
  /** "x,y x,y …" for an SVG polyline; "" with fewer than two values. */
  readonly points: string;
  /** The target's y, or null. */
  readonly targetY: number | null;
}

/** At most this many points are drawn: more than a cell has pixels is wasted work. */
export const MAX_SPARK_POINTS = 60;

const round = (n: number) => Math.round(n * 10) / 10;

export function sparkline(
  values: readonly number[],
  width: number,
  height: number,
  target: number | null = null,
): Sparkline {
  const shown = values.slice(-MAX_SPARK_POINTS);
  if (shown.length < 2) return { points: "", targetY: null };
  const all = target === null ? shown : [...shown, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 1.5;
  const y = (v: number) => round(pad + (height - 2 * pad) * (1 - (v - min) / span));
  const step = width / (shown.length - 1);
  return {
    points: shown.map((v, i) => `${round(i * step)},${y(v)}`).join(" "),
    targetY: target === null ? null : y(target),
  };
}
