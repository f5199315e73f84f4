/**
 * A metric as words and as a status, for the board cell, the table, exports and screen
 * readers: "31 % · target 40 %", and whether the step meets its target.
 */
import {
  isMetricCell,
  type Lane,
  type LaneValue,
  type MetricUnit,
  meetsTarget,
  toMetricSettings,
} from "@journeymap/schema";

export type MetricStatus = "met" | "missed" | "none";

const number = (value: number) => value.toLocaleString("en", { maximumFractionDigits: 1 });

/** "31 %", "95 s", "4.2", "1,204". */
export function formatMetric(value: number, unit: MetricUnit): string {
  switch (unit) {
    case "percent":
      return `${number(value)} %`;
    case "seconds":
      return `${number(value)} s`;
    case "score":
    case "count":
      return number(value);
  }
}

export function metricStatus(lane: Lane, value: LaneValue | undefined): MetricStatus {
  if (!isMetricCell(value)) return "none";
  const met = meetsTarget(
    value.value,
    value.target,
    toMetricSettings(lane.unit, lane.preset).better,
  );
  return met === null ? "none" : met ? "met" : "missed";
}

/** "31 % · target 40 %", "target 40 %", or "" without a metric. */
export function metricText(lane: Lane, value: LaneValue | undefined): string {
  if (!isMetricCell(value)) return "";
  const unit = toMetricSettings(lane.unit, lane.preset).unit;
  const shown = value.value === null ? "" : formatMetric(value.value, unit);
  const target = value.target === null ? "" : `target ${formatMetric(value.target, unit)}`;
  return [shown, target].filter(Boolean).join(" · ");
}
