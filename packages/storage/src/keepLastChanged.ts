/**
 * What retention does for freshness before it compacts a map's rows (lastChangedStore.ts):
 * replays the rows about to be merged, starting from the previous summary (the first of them
 * may be an earlier compacted row), and keeps the last change of every thing up to the last.
 * Kept before compacting: if the compaction then fails, the rows are still there and the
 * summary agrees with them.
 */
import { LastChangedIndex } from "@journeymap/schema";
import type { LoggedUpdate } from "./documentLog.ts";
import type { LastChangedStore } from "./lastChangedStore.ts";

export async function keepLastChanged(
  store: LastChangedStore,
  mapId: string,
  rows: readonly LoggedUpdate[],
): Promise<void> {
  const index = new LastChangedIndex(await store.readLastChanged(mapId));
  try {
    for (const row of rows)
      index.apply(row.bytes, { seq: row.seq, ts: row.ts, author: row.author });
    await store.writeLastChanged(mapId, index.toSummary());
  } finally {
    index.destroy();
  }
}
