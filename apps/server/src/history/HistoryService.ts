/**
 * Replay from the update log: the list of edits (who, when, how big) and the exact state of a
 * map at any sequence number or time. Server receipt times: offline work shows up when it
 * was synced.
 *
 * Seeking is made cheap by history checkpoints: the state after row k for k a multiple of
 * HISTORY_CHECKPOINT_EVERY, built on first use and kept in memory per map, so a seek replays
 * fewer than that many rows. They are built by applying rows to one replay document per map
 * (the "cursor") and encoding it where needed, not by merging updates into an ever larger
 * update (that re-encoded the whole state per checkpoint: 12.7 s to open a 50,000-row map
 * on a restarted server). States are garbage-collected encodings (deleted content dropped, a
 * third of the size), exact as read: later rows apply to them as they do to the server's own
 * documents, which load the same way (checkpoint + rows).
 *
 * A moment at or after the map's persisted checkpoint starts from that checkpoint when it is
 * exact for its sequence number (no later row is already in it), so opening the history at
 * the last edit replays only the rows since the last checkpoint.
 */
import { type Attribution, AttributionIndex, type Burst, groupBursts } from "@journeymap/schema";
import * as Y from "yjs";
import type { LogEntry, LoggedUpdate, MapStore } from "../store/MapStore.ts";

export const HISTORY_CHECKPOINT_EVERY = 500;
/** Checkpoints kept for moments passed on the way (not asked for): one every this many rows. */
const KEEP_PASSED_EVERY = 5000;
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
  /** mapId → (k → state after row k), k a multiple of HISTORY_CHECKPOINT_EVERY. */
  private readonly checkpoints = new Map<string, Map<number, Uint8Array>>();
  /** mapId → a replay document at `seq`, moved forward to build checkpoints. */
  private readonly cursors = new Map<string, { doc: Y.Doc; seq: number }>();
  /** mapId → the persisted checkpoint if it is exact for its sequence number. */
  private readonly stored = new Map<string, Promise<{ seq: number; state: Uint8Array } | null>>();
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
    const base = Math.floor(seq / HISTORY_CHECKPOINT_EVERY) * HISTORY_CHECKPOINT_EVERY;
    const stored = await this.storedCheckpoint(mapId);
    if (stored && stored.seq <= seq && stored.seq > base) {
      if (stored.seq === seq) return stored.state;
      return merge(stored.state, await this.store.readUpdates(mapId, stored.seq + 1, seq));
    }
    const state = await this.checkpointAt(mapId, base);
    if (seq === base) return state;
    return merge(state, await this.store.readUpdates(mapId, base + 1, seq));
  }

  /** The state after row `k` (a multiple of HISTORY_CHECKPOINT_EVERY), cached. */
  private async checkpointAt(mapId: string, k: number): Promise<Uint8Array> {
    const cache = this.cacheFor(mapId);
    const hit = cache.get(k);
    if (hit) return hit;
    if (k === 0) return Y.encodeStateAsUpdate(new Y.Doc());
    // Start from the nearest of: the cursor, a cached checkpoint, the stored checkpoint.
    let cursor = this.cursors.get(mapId);
    if (!cursor || cursor.seq > k) cursor = undefined;
    let known = 0;
    for (const at of cache.keys()) if (at <= k && at > known) known = at;
    const stored = await this.storedCheckpoint(mapId);
    const from = Math.max(known, stored && stored.seq <= k ? stored.seq : 0);
    if (!cursor || cursor.seq < from) {
      const doc = new Y.Doc();
      const state = from === 0 ? null : from === known ? cache.get(known)! : stored!.state;
      if (state) Y.applyUpdate(doc, state);
      cursor?.doc.destroy();
      cursor = { doc, seq: from };
    }
    this.cursors.set(mapId, cursor);
    while (cursor.seq < k) {
      // Pages stop at every KEEP_PASSED_EVERY rows, where a checkpoint is kept on the way
      // (bounded memory: asked-for checkpoints plus one per KEEP_PASSED_EVERY rows).
      const nextKept = (Math.floor(cursor.seq / KEEP_PASSED_EVERY) + 1) * KEEP_PASSED_EVERY;
      const to = Math.min(k, cursor.seq + READ_PAGE, nextKept);
      const rows = await this.store.readUpdates(mapId, cursor.seq + 1, to);
      if (rows.length > 0) Y.applyUpdate(cursor.doc, Y.mergeUpdates(rows.map((r) => r.bytes)));
      cursor.seq = to;
      if (to === nextKept && to !== k && !cache.has(to))
        cache.set(to, Y.encodeStateAsUpdate(cursor.doc));
    }
    const state = Y.encodeStateAsUpdate(cursor.doc);
    cache.set(k, state);
    return state;
  }

  /**
   * The persisted checkpoint (the one maps load from), if it holds exactly the rows up to its
   * sequence number. It covers rows 1..n by containment, but may hold more (an edit applied
   * while its row was still being appended, or relayed from another instance): then no later
   * row may be contained in it, or it is not used.
   */
  private storedCheckpoint(mapId: string): Promise<{ seq: number; state: Uint8Array } | null> {
    let hit = this.stored.get(mapId);
    if (!hit) {
      hit = (async () => {
        const loaded = await this.store.loadMap(mapId);
        if (loaded.checkpointSeq === 0 || loaded.updates.length === 0) return null;
        const state = loaded.updates[0]!;
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, state);
          const snapshot = Y.snapshot(doc);
          for (const later of loaded.updates.slice(1)) {
            if (Y.snapshotContainsUpdate(snapshot, later)) return null;
          }
          return { seq: loaded.checkpointSeq, state: Y.encodeStateAsUpdate(doc) };
        } finally {
          doc.destroy();
        }
      })();
      hit.catch(() => this.stored.delete(mapId));
      this.stored.set(mapId, hit);
    }
    return hit;
  }

  private cacheFor(mapId: string): Map<number, Uint8Array> {
    let cache = this.checkpoints.get(mapId);
    if (!cache) {
      if (this.checkpoints.size >= MAX_CACHED_MAPS) {
        const oldest = this.checkpoints.keys().next().value;
        if (oldest !== undefined) {
          this.checkpoints.delete(oldest);
          this.cursors.get(oldest)?.doc.destroy();
          this.cursors.delete(oldest);
          this.stored.delete(oldest);
        }
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
