/**
 * Freshness on the server (issue 18): when each thing of a map was last changed and by whom,
 * from the update log, and how fresh a whole map is. One `LastChangedIndex` per map (its own
 * replay document, so it does not share the history's, which another part tunes), kept for
 * the most recently asked maps and extended with the rows logged since. A log that retention
 * compacted past what an index has seen is replayed again from its first row, with the
 * summary retention kept (packages/storage/src/lastChangedStore.ts), so "last changed" stays
 * right across compaction.
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { mapDocumentName } from "@journeymap/protocol";
import {
  type Change,
  computeFreshness,
  LastChangedIndex,
  type MapFreshness,
  readFreshnessSettings,
  readJourneyMap,
  type ShownChange,
} from "@journeymap/schema";
import type { DocumentLog, LastChangedStore } from "@journeymap/storage";
import { LRUCache } from "lru-cache";

/** Maps whose index is kept (each holds a replay of its map). */
const MAX_CACHED_MAPS = 20;
/** Rows and bytes read per query while replaying, so a long log never sits in memory whole. */
const READ_PAGE = 2000;
const READ_PAGE_BYTES = 8 * 1024 * 1024;

export type FreshnessStore = DocumentLog & LastChangedStore;

export class FreshnessService {
  private readonly store: FreshnessStore;
  private readonly indexes = new LRUCache<string, LastChangedIndex>({
    max: MAX_CACHED_MAPS,
    dispose: (index) => index.destroy(),
  });
  /** mapId → the tail of its queue: one replay at a time per map. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(store: FreshnessStore) {
    this.store = store;
  }

  /** Every thing's last change (deleted things included), up to the last logged row. */
  async lastChanges(mapId: string): Promise<{ seq: number; changes: Array<[string, Change]> }> {
    return this.withIndex(mapId, (index) => ({ seq: index.seq, changes: index.entries() }));
  }

  /** The whole map's freshness at `now`, with authors as the log records them. */
  async mapFreshness(mapId: string, now: number): Promise<MapFreshness> {
    return this.withIndex(mapId, (index) => {
      const changes = new Map<string, ShownChange>();
      for (const [key, change] of index.entries()) {
        changes.set(key, { at: change.ts, by: change.author });
      }
      const doc = index.state;
      return computeFreshness(readJourneyMap(doc), changes, readFreshnessSettings(doc), now);
    });
  }

  /** Runs `read` on the map's index once it has every logged row; one map at a time. */
  private withIndex<T>(mapId: string, read: (index: LastChangedIndex) => T): Promise<T> {
    const run = (this.queues.get(mapId) ?? Promise.resolve()).then(async () =>
      read(await this.upToDate(mapId)),
    );
    const tail = run.catch(() => undefined);
    this.queues.set(mapId, tail);
    void tail.then(() => {
      if (this.queues.get(mapId) === tail) this.queues.delete(mapId);
    });
    return run;
  }

  private async upToDate(mapId: string): Promise<LastChangedIndex> {
    const doc = mapDocumentName(mapId);
    const { first, last } = await this.store.logBounds(doc);
    let index = this.indexes.get(mapId);
    // Retention merged rows this index never saw into one: start again from the summary.
    if (index && index.seq < first - 1) {
      this.indexes.delete(mapId);
      index = undefined;
    }
    if (!index) {
      index = new LastChangedIndex(await this.store.readLastChanged(mapId));
      this.indexes.set(mapId, index);
    }
    let from = Math.max(index.seq + 1, first);
    while (from <= last) {
      const to = Math.min(last, from + READ_PAGE - 1);
      const rows = await this.store.readUpdatesWithin(doc, from, to, READ_PAGE_BYTES);
      if (rows.length === 0) break;
      for (const r of rows) index.apply(r.bytes, { seq: r.seq, ts: r.ts, author: r.author });
      from = rows.at(-1)!.seq + 1;
      if (from <= last) await yieldToLoop();
    }
    return index;
  }
}
