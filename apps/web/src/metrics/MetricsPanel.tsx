/**
 * The insights' Metrics panel: every step with a value and a target, furthest behind its
 * target first, each beside how the personas feel there (the emotion curve's scores), so a
 * number that misses and a low feeling at the same step stand out together.
 */
import { emotionKey, type JourneyMap, rankMetricGaps } from "@journeymap/schema";
import { useMemo } from "react";
import { ScoreChip } from "../views/ScoreChip.tsx";
import { formatMetric } from "./metricText.ts";
import "./metrics.css";

/** Rows shown; the rest are counted. */
const MAX_ROWS = 12;

export function MetricsPanel({ map }: { map: JourneyMap }) {
  const gaps = useMemo(() => rankMetricGaps(map), [map]);
  if (gaps.length === 0) {
    return (
      <p className="iv-empty">
        No metric has a target yet. Add a metric lane on the board, or push values through the API
        or a CSV file.
      </p>
    );
  }
  const missed = gaps.filter((g) => !g.met).length;
  return (
    <>
      <p className="metric-rank__summary">
        {missed} of {gaps.length} {gaps.length === 1 ? "metric misses" : "metrics miss"} their
        target.
      </p>
      <ol className="metric-rank" data-testid="metrics.ranking">
        {gaps.slice(0, MAX_ROWS).map((g) => (
          <li
            key={`${g.laneId}/${g.touchpointId}`}
            className={g.met ? "is-met" : "is-missed"}
            data-testid="metrics.rank-row"
          >
            <span className="metric-rank__step">
              <span className="metric-rank__name">{g.stepName}</span>
              <span className="metric-rank__lane">{g.laneName}</span>
            </span>
            <span className="metric-rank__value">
              {formatMetric(g.value, g.settings.unit)}
              <span className="metric-rank__target">
                {" "}
                / {formatMetric(g.target, g.settings.unit)}
              </span>
            </span>
            <span className="metric-rank__gap">
              {g.met ? "on target" : `${Math.round(g.gap * 100)} % short`}
            </span>
            <span className="metric-rank__feel">
              {map.personas.map((p) => {
                const point = map.emotions.get(emotionKey(p.id, g.touchpointId));
                return point ? (
                  <span key={p.id} title={`${p.name}: ${point.score}`}>
                    <ScoreChip score={point.score} />
                  </span>
                ) : null;
              })}
            </span>
          </li>
        ))}
      </ol>
      {gaps.length > MAX_ROWS && (
        <p className="iv-note">and {gaps.length - MAX_ROWS} more on target or close to it.</p>
      )}
    </>
  );
}
