/** Metric lanes (issue 18): a number per step with a unit, a target and a dated series. */
export * from "./presets.ts";
export { METRIC_LANE, METRIC_POINT_PREFIX, metricPointKey, parseMetricPointKey } from "./layout.ts";
export * from "./MetricCell.ts";
export * from "./metricInput.ts";
export * from "./recordMetrics.ts";
export * from "./resolveMetricRows.ts";
export * from "./metricGaps.ts";
