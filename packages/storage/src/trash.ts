/**
 * The trash: a map put in the trash stays restorable for TRASH_KEEP_MS, then the retention
 * sweep (retention.ts) deletes it for good, its documents' logs, links, versions and shares
 * with it.
 */
import type { MapCatalog } from "./mapCatalog.ts";
import type { RetentionLog } from "./retention.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a trashed map can be restored (30 days, as the map list says). */
export const TRASH_KEEP_MS = 30 * DAY_MS;

/** Maps purged per read of the trash, so one pass never holds a long list. */
const PURGE_BATCH = 100;

/** Purges the maps trashed more than TRASH_KEEP_MS before `now`; returns how many. */
export async function purgeTrash(
  store: Pick<MapCatalog, "trashedBefore" | "purgeMap">,
  now: number,
  log?: RetentionLog,
): Promise<number> {
  let purged = 0;
  for (;;) {
    const ids = await store.trashedBefore(now - TRASH_KEEP_MS, PURGE_BATCH);
    let failed = false;
    for (const mapId of ids) {
      try {
        await store.purgeMap(mapId);
        purged++;
      } catch (error) {
        // One map's failure must not stop the others; it is tried again at the next sweep.
        log?.error({ err: error, mapId }, "purging a trashed map failed");
        failed = true;
      }
    }
    if (failed || ids.length < PURGE_BATCH) break;
  }
  if (purged > 0) log?.info({ purged }, "purged maps trashed over 30 days ago");
  return purged;
}
