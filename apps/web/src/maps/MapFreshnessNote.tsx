/**
 * A map's freshness in the map list (issue 18): "Fresh", or how many items need review and
 * since when. Asked for once per card shown; says nothing while unknown or when refused.
 */
import type { MapFreshnessSummary } from "@journeymap/protocol/http";
import { useEffect, useState } from "react";
import { daysText } from "../freshness/ageText.ts";
import { fetchMapFreshness } from "../freshness/FreshnessApi.ts";

export function freshnessNote(summary: MapFreshnessSummary): string {
  if (summary.stale === 0) return "Fresh: everything reviewed";
  return `${summary.stale} of ${summary.items} to review · oldest ${daysText(summary.oldestDays)}`;
}

export function MapFreshnessNote({ mapId, updatedAt }: { mapId: string; updatedAt: number }) {
  const [summary, setSummary] = useState<MapFreshnessSummary | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the map changed since.
  useEffect(() => {
    let live = true;
    fetchMapFreshness(mapId).then(
      (answer) => live && setSummary(answer),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [mapId, updatedAt]);
  if (!summary) return null;
  return (
    <div
      className={`map-card-meta ${summary.stale > 0 ? "map-card-stale" : ""}`}
      data-testid="maps.freshness"
    >
      {freshnessNote(summary)}
    </div>
  );
}
