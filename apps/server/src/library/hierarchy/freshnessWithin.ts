/**
 * The freshness of several maps within a bound. Working out a map's freshness replays its log
 * since the stored last-changed summary (FreshnessService keeps a few replays), so a view
 * across maps asks for at most `maxMaps`, one at a time, and stops when `budgetMs` is spent:
 * maps left out have no freshness in that answer (the caller says so), and the answer is
 * never held up by one map with a long log.
 */
import type { MapFreshnessSummary } from "@journeymap/protocol/http";
import { freshnessSummary } from "../../freshness/freshnessSummary.ts";
import type { FreshnessService } from "../../freshness/FreshnessService.ts";

export interface FreshnessBound {
  readonly maxMaps: number;
  readonly budgetMs: number;
}

export async function freshnessWithin(
  freshness: FreshnessService,
  mapIds: readonly string[],
  bound: FreshnessBound,
  now: () => number,
): Promise<Map<string, MapFreshnessSummary>> {
  const out = new Map<string, MapFreshnessSummary>();
  const deadline = now() + bound.budgetMs;
  for (const mapId of mapIds.slice(0, bound.maxMaps)) {
    if (now() > deadline) break;
    // A map whose log cannot be read now (deleted meanwhile, a store hiccup) is left out.
    const map = await freshness.mapFreshness(mapId, now()).catch(() => null);
    if (map) out.set(mapId, freshnessSummary(map));
  }
  return out;
}
