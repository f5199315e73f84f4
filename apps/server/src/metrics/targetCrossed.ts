/** The payload of metric.target_crossed, from a crossing and the map it happened on. */
import type { EventData } from "@journeymap/protocol/http";
import type { JourneyMap, MetricCrossing } from "@journeymap/schema";

export function targetCrossed(
  crossing: MetricCrossing,
  map: JourneyMap,
): EventData<"metric.target_crossed"> {
  const lane = map.lanes.find((l) => l.id === crossing.laneId);
  const step = map.touchpoints.find((t) => t.id === crossing.touchpointId);
  return {
    // A metric is one lane at one step; the pair names it (both ids are [A-Za-z0-9_-]).
    metricId: `${crossing.laneId}/${crossing.touchpointId}`,
    name: `${lane?.name ?? "Metric"} · ${step?.name ?? "step"}`,
    value: crossing.value,
    target: crossing.target,
    direction: crossing.value >= crossing.target ? "above" : "below",
  };
}
