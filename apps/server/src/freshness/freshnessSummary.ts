/** A map's freshness in numbers (the map list, sub-journeys, the dashboard). */
import type { MapFreshnessSummary } from "@journeymap/protocol/http";
import type { MapFreshness } from "@journeymap/schema";

export function freshnessSummary(map: MapFreshness): MapFreshnessSummary {
  return {
    reviewAfterDays: map.reviewAfterDays,
    items: map.items.length,
    stale: map.stale,
    oldestDays: map.items.reduce((max, item) => Math.max(max, item.ageDays), 0),
  };
}
