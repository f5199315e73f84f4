/**
 * Replay from the update log: the list of edits (who, when, how big) and the exact state of a
 * map at any sequence number or time. Server receipt times: offline work shows up when it
 * was synced.
 *
 * Seeking is made cheap by history checkpoints: the merged state of rows 1..k for every
 * k multiple of HISTORY_CHECKPOINT_EVERY, built on first use and kept in memory per map, so
 * a seek replays fewer than that many rows. (Persisting them is a later step.)
 */
import { type Attribution, AttributionIndex, type Burst, groupBursts } from "@journeymap/schema";
import * as Y from "yjs";
import type { LogEntry, LoggedUpdate, MapStore } from "../store/MapStore.ts";

export const HISTORY_CHECKPOINT_EVERY = 500;
const MAX_CACHED_MAPS = 20;
/** Rows read from the store per query while replaying a long log. */
const READ_PAGE = 2000;

export type HistoryEntry = LogEntry;

export interface Timeline {
  /** The last logged sequence number. */
  readonly seq: number;
  readonly bursts: readonly Burst[];
}

export class HistoryService {
  private readonly store: MapStore;
  /** mapId → (k → merged state of rows 1..k), k a multiple of HISTORY_CHECKPOINT_EVERY. */
  private readonly checkpoints = new Map<string, Map<number, Uint8Array>>();
  /** mapId → attribution replayed up to its `seq`, extended on each request. */
  private readonly attributions = new Map<string, AttributionIndex>();

  constructor(store: MapStore) {
    this.store = store;
  }

  async entries(mapId: string, fromSeq: number, toSeq: number): Promise<HistoryEntry[]> {
    return this.store.readLogEntries(mapId, fromSeq, toSeq);
  }

  /** The whole log grouped into bursts (who, when, how much): what the timeline shows. */
  async timeline(mapId: string): Promise<Timeline> {
    const entries = await this.store.readLogEntries(mapId, 1, Number.MAX_SAFE_INTEGER);
    return { seq: entries.at(-1)?.seq ?? 0, bursts: groupBursts(entries) };
  }

  /** Logged rows with their bytes, for clients that replay a range themselves. */
  async rows(mapId: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]> {
    return this.store.readUpdates(mapId, fromSeq, toSeq);
  }

  /**
   * Who created and who last changed each thing of the map, from the log. The index is kept
   * per map and only the rows logged since the last request are replayed.
   */
  async attribution(
    mapId: string,
  ): Promise<{ seq: number; targets: Array<[string, Attribution]> }> {
    let index = this.attributions.get(mapId);
    if (!index) {
      if (this.attributions.size >= MAX_CACHED_MAPS) {
        const oldest = this.attributions.keys().next().value;
        if (oldest !== undefined) {
          this.attributions.get(oldest)?.destroy();
          this.attributions.delete(oldest);
        }
      }
      index = new AttributionIndex();
      this.attributions.set(mapId, index);
    }
    for (;;) {
      const rows = await this.store.readUpdates(mapId, index.seq + 1, index.seq + READ_PAGE);
      for (const r of rows) {
        // A concurrent request may have applied these already.
        if (r.seq > index.seq) index.apply(r.bytes, { seq: r.seq, ts: r.ts, author: r.author });
      }
      if (rows.length < READ_PAGE) break;
    }
    return { seq: index.seq, targets: index.entries() };
  }

  /** The last sequence number logged at or before `ts` (0 if none). */
  async seqAt(mapId: string, ts: number): Promise<number> {
    // Rows are in receipt order, so ts is non-decreasing in seq: binary search over the log.
    // Rows compacted by retention are missing: a time among them maps before the first row.
    let lo = 0;
    let hi = (await this.store.logBounds(mapId)).last;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const [row] = await this.store.readUpdates(mapId, mid, mid);
      if (row && row.ts <= ts) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The map's state (a Yjs update) exactly as it was after row `seq`. */
  async stateAt(mapId: string, seq: number): Promise<Uint8Array> {
    const cache = this.cacheFor(mapId);
    const base = Math.floor(seq / HISTORY_CHECKPOINT_EVERY) * HISTORY_CHECKPOINT_EVERY;
    // Build missing checkpoints forward from the nearest one we have.
    let known = base;
    while (known > 0 && !cache.has(known)) known -= HISTORY_CHECKPOINT_EVERY;
    let state = cache.get(known) ?? Y.mergeUpdates([]);
    for (let k = known + HISTORY_CHECKPOINT_EVERY; k <= base; k += HISTORY_CHECKPOINT_EVERY) {
      state = merge(
        state,
        await this.store.readUpdates(mapId, k - HISTORY_CHECKPOINT_EVERY + 1, k),
      );
      cache.set(k, state);
    }
    if (seq === base) return state;
    return merge(state, await this.store.readUpdates(mapId, base + 1, seq));
  }

  private cacheFor(mapId: string): Map<number, Uint8Array> {
    let cache = this.checkpoints.get(mapId);
    if (!cache) {
      if (this.checkpoints.size >= MAX_CACHED_MAPS) {
        const oldest = this.checkpoints.keys().next().value;
        if (oldest !== undefined) this.checkpoints.delete(oldest);
      }
      cache = new Map();
      this.checkpoints.set(mapId, cache);
    }
    return cache;
  }
}

function merge(state: Uint8Array, rows: readonly LoggedUpdate[]): Uint8Array {
  return Y.mergeUpdates([state, ...rows.map((r) => r.bytes)]);
}
