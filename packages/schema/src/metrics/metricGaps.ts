/** The insights' "Metrics" ranking: every step with a value and a target, furthest behind first. */
import type { JourneyMap } from "../read/JourneyMap.ts";
import { isMetricCell } from "./MetricCell.ts";
import { meetsTarget, metricGap } from "./metricInput.ts";
import { type MetricSettings, toMetricSettings } from "./presets.ts";

export interface MetricGap {
  readonly laneId: string;
  readonly laneName: string;
  readonly touchpointId: string;
  readonly stepName: string;
  readonly value: number;
  readonly target: number;
  /** Relative shortfall (0 when met), see metricGap. */
  readonly gap: number;
  readonly met: boolean;
  readonly settings: MetricSettings;
}

export function rankMetricGaps(map: JourneyMap): MetricGap[] {
  const order = new Map(map.touchpoints.map((t, i) => [t.id as string, i]));
  const gaps: MetricGap[] = [];
  for (const lane of map.lanes) {
    if (lane.type !== "metric" || lane.hidden) continue;
    const settings = toMetricSettings(lane.unit, lane.preset);
    for (const [touchpointId, cell] of lane.values) {
      if (!isMetricCell(cell) || cell.value === null || cell.target === null) continue;
      const step = map.touchpoints[order.get(touchpointId) ?? -1];
      if (!step) continue;
      gaps.push({
        laneId: lane.id,
        laneName: lane.name,
        touchpointId,
        stepName: step.name,
        value: cell.value,
        target: cell.target,
        gap: metricGap(cell.value, cell.target, settings.better) ?? 0,
        met: meetsTarget(cell.value, cell.target, settings.better) === true,
        settings,
      });
    }
  }
  // Furthest behind first; ties in board order, so the list is stable between reads.
  return gaps.sort(
    (a, b) => b.gap - a.gap || (order.get(a.touchpointId) ?? 0) - (order.get(b.touchpointId) ?? 0),
  );
}
