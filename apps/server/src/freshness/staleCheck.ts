/**
 * The periodic freshness check (issue 18): once an hour, each map's items that became stale
 * since the last check are announced as `item.stale` events (webhooks carry them out). An
 * item becomes stale at the moment its last review plus the review period passes; announcing
 * the items whose moment falls between two checks announces each staleness once, with no
 * record of what was sent: verifying or changing the item starts a new period, and its next
 * staleness is announced again. After a restart the first check looks one period of checks
 * back, so what went stale while the server was down for longer is not announced.
 */
import type { EventData } from "@journeymap/protocol/http";
import { DAY_MS, type ItemFreshness, type MapFreshness } from "@journeymap/schema";
import { type MapCatalog, runPeriodically } from "@journeymap/storage";
import type { EventBus } from "../events/EventBus.ts";
import type { Logger } from "../logger.ts";
import type { FreshnessService } from "./FreshnessService.ts";

/** How often maps are checked (ms). */
export const STALE_CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check runs this long after start (ms), away from the start's own work. */
const FIRST_CHECK_AFTER_MS = 60_000;

/** The items of `freshness` whose staleness began in (since, until]. */
export function newlyStale(freshness: MapFreshness, since: number, until: number): ItemFreshness[] {
  const periodMs = freshness.reviewAfterDays * DAY_MS;
  return freshness.items.filter((item) => {
    const staleFrom = item.reviewedAt + periodMs;
    return item.stale && staleFrom > since && staleFrom <= until;
  });
}

export function itemStaleData(item: ItemFreshness): EventData<"item.stale"> {
  return {
    itemId: item.key.slice(item.key.indexOf(":") + 1),
    itemKind: item.kind,
    title: item.title,
    lastReviewedAt: item.reviewedAt,
  };
}

export interface StaleCheckDeps {
  readonly catalog: Pick<MapCatalog, "listMaps">;
  readonly freshness: FreshnessService;
  readonly events: Pick<EventBus, "emit">;
  readonly log: Pick<Logger, "error">;
  readonly now?: () => number;
}

/** One check of every map for items that went stale in (since, now]; returns the count. */
export async function checkStaleness(
  deps: StaleCheckDeps,
  since: number,
  now: number,
): Promise<number> {
  let announced = 0;
  for (const map of await deps.catalog.listMaps()) {
    if (map.deletedAt !== null) continue;
    try {
      const freshness = await deps.freshness.mapFreshness(map.id, now);
      for (const item of newlyStale(freshness, since, now)) {
        await deps.events.emit("item.stale", map.id, itemStaleData(item));
        announced++;
      }
    } catch (error) {
      // One map's bad log must not stop the check of the others.
      deps.log.error({ err: error, mapId: map.id }, "freshness check failed for a map");
    }
  }
  return announced;
}

/** Checks now and then; the answer stops it (waiting for a check under way). */
export function scheduleStaleCheck(deps: StaleCheckDeps, everyMs = STALE_CHECK_EVERY_MS) {
  const now = deps.now ?? Date.now;
  let since = now() - everyMs;
  return runPeriodically(
    async () => {
      const until = now();
      await checkStaleness(deps, since, until);
      since = until;
    },
    { firstAfterMs: FIRST_CHECK_AFTER_MS, everyMs },
    (error) => deps.log.error({ err: error }, "freshness check failed"),
  );
}
