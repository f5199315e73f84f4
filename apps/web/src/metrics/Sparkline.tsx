/** A metric's series as a small inline SVG line, with the target as a dashed line. */
import { sparkline } from "./sparkline.ts";

const WIDTH = 96;
const HEIGHT = 18;

export function Sparkline({
  values,
  target,
  label,
}: {
  values: readonly number[];
  target: number | null;
  label: string;
}) {
  const { points, targetY } = sparkline(values, WIDTH, HEIGHT, target);
  if (points === "") return null;
  return (
    <svg
      className="metric-spark"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="metric.sparkline"
    >
      {targetY !== null && (
        <line className="metric-spark__target" x1={0} x2={WIDTH} y1={targetY} y2={targetY} />
      )}
      <polyline className="metric-spark__line" points={points} />
    </svg>
  );
}
