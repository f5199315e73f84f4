/**
 * Replay from the update log: the list of edits (who, when, how big) and the exact state of a
 * map at any sequence number or time. Server receipt times: offline work shows up when it
 * was synced.
 *
 * Seeking is made cheap by history checkpoints: the merged state of rows 1..k for every
 * k multiple of HISTORY_CHECKPOINT_EVERY, built on first use and kept in memory per map, so
 * a seek replays fewer than that many rows. (Persisting them is a later step.)
 */
import * as Y from "yjs";
import type { LoggedUpdate, MapStore } from "../store/MapStore.ts";

export const HISTORY_CHECKPOINT_EVERY = 500;
const MAX_CACHED_MAPS = 20;

export interface HistoryEntry {
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
  readonly origin: string;
  readonly bytes: number;
}

export class HistoryService {
  private readonly store: MapStore;
  /** mapId → (k → merged state of rows 1..k), k a multiple of HISTORY_CHECKPOINT_EVERY. */
  private readonly checkpoints = new Map<string, Map<number, Uint8Array>>();

  constructor(store: MapStore) {
    this.store = store;
  }

  async entries(mapId: string, fromSeq: number, toSeq: number): Promise<HistoryEntry[]> {
    const rows = await this.store.readUpdates(mapId, fromSeq, toSeq);
    return rows.map((r) => ({
      seq: r.seq,
      ts: r.ts,
      author: r.author,
      origin: r.origin,
      bytes: r.bytes.length,
    }));
  }

  /** The last sequence number logged at or before `ts` (0 if none). */
  async seqAt(mapId: string, ts: number): Promise<number> {
    // Rows are in receipt order, so ts is non-decreasing in seq: binary search over the log.
    const total = await this.store.countUpdates(mapId);
    let lo = 0;
    let hi = total;
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
