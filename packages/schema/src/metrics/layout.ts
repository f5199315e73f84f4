/**
 * Where a metric lane keeps its data, in the lane's own Y.Map (beside the fixed lane fields):
 *
 *   unit                     "percent" | "seconds" | "score" | "count" (the lane's `unit` key)
 *   preset                   a preset id (conversion, nps…) or absent for a custom metric
 *   value/<touchpointId>     { value?, target? }: the step's current value and its target,
 *                            ONE plain value like every typed lane (INV-D8)
 *   point/<touchpointId>/<at>  number: one dated value of the step's series; `at` is an ISO
 *                            instant. One key per point, so two pushes of different dates
 *                            both stay, and a push of the same date again replaces it.
 */
export const METRIC_LANE = { preset: "preset" } as const;

export const METRIC_POINT_PREFIX = "point/";

export function metricPointKey(touchpointId: string, at: string): string {
  return `${METRIC_POINT_PREFIX}${touchpointId}/${at}`;
}

export function parseMetricPointKey(key: string): { touchpointId: string; at: string } | null {
  if (!key.startsWith(METRIC_POINT_PREFIX)) return null;
  const rest = key.slice(METRIC_POINT_PREFIX.length);
  const slash = rest.indexOf("/");
  if (slash <= 0 || slash === rest.length - 1) return null;
  return { touchpointId: rest.slice(0, slash), at: rest.slice(slash + 1) };
}

/** The lane-map entries of one step's metric cell, as an import writes them. */
export function metricCellEntries(
  touchpointId: string,
  cell: {
    readonly value: number | null;
    readonly target: number | null;
    readonly series: readonly { readonly at: string; readonly value: number }[];
  },
): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  const newest = cell.series.at(-1)?.value ?? null;
  // The current value is stored only where it is not the newest point's (the read falls back).
  const record = {
    ...(cell.value !== null && cell.value !== newest ? { value: cell.value } : {}),
    ...(cell.target !== null ? { target: cell.target } : {}),
  };
  if (Object.keys(record).length > 0) entries[`value/${touchpointId}`] = record;
  for (const point of cell.series) entries[metricPointKey(touchpointId, point.at)] = point.value;
  return entries;
}
