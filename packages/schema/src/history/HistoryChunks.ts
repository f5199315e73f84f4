/**
 * Where the history player's rows and chunk starts come from: a `HistorySource` read in chunks
 * of CHUNK rows, the chunks and starts kept in memory, and fetched ahead of need once the view
 * is open (`fetchAhead`).
 *
 * Fetching ahead is for random jumps (issue 16, R7): on the 50,000-edit benchmark map a jump's
 * two requests, a lean chunk start and the chunk's rows, took 16–21 ms median and up to 39 ms
 * at p95 of the replay worker's 32 / 49 ms in Chromium, on a server that answers each in
 * 3–5 ms when quiet. All lean starts and rows of that map are 5.7 MB.
 */
import type { RowFrame } from "./rowFrames.ts";
import * as Y from "yjs";

export const CHUNK = 500;
/** Chunks of rows (and their start states) kept in memory besides those fetched ahead. */
const CACHED_CHUNKS = 12;
/**
 * Bytes of rows and starts fetched ahead, at most: all of a 50,000-edit map's (5.7 MB), the
 * nearest part of a longer one's.
 */
export const AHEAD_BYTES = 16 * 1024 * 1024;
/**
 * Waits before asking again for the starts the source was still making, in ms. The server makes
 * a map's lean starts at half a core, one chunk at a time: 26 s for the benchmark map's 98.
 */
export const AHEAD_RETRIES_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 32_000];

export interface HistorySource {
  /** The exact state after row `seq` (a chunk start, or the moment the player opens at). */
  state(seq: number): Promise<Uint8Array>;
  /**
   * The state after chunk start `seq` for replaying the rows after it, possibly lean (without
   * deleted content the rows up to its `through` do not name: leanState.ts). A source without
   * it gives full states.
   */
  start?(seq: number): Promise<ReplayStart>;
  /**
   * As `start`, for fetching ahead: null while the source is still making the lean start (ask
   * again later), instead of answering the full state meanwhile.
   */
  startAhead?(seq: number): Promise<ReplayStart | null>;
  /** Rows from..to inclusive (may be fewer than asked: the player pages on). */
  rows(from: number, to: number): Promise<RowFrame[]>;
}

/** A chunk start's state, and the last row it may be brought to (null: any). */
export interface ReplayStart {
  readonly state: Uint8Array;
  readonly through: number | null;
}

/** The source's chunk start at `seq`: lean when it gives those, else its full state. */
export function replayStart(source: HistorySource, seq: number): Promise<ReplayStart> {
  if (source.start) return source.start(seq);
  return source.state(seq).then((state) => ({ state, through: null }));
}

export interface AheadOptions {
  /** Waits before asking again for starts still being made (default AHEAD_RETRIES_MS). */
  readonly retriesMs?: readonly number[];
  /** Bytes to hold at most (default AHEAD_BYTES). */
  readonly maxBytes?: number;
}

export class HistoryChunks {
  private readonly source: HistorySource;
  private readonly rowChunks = new Map<number, Promise<RowFrame[]>>();
  private readonly starts = new Map<number, Promise<ReplayStart>>();
  /** Entries kept in each cache: CACHED_CHUNKS more than were fetched ahead. */
  private capacity = CACHED_CHUNKS;
  private fetchedAhead = false;

  constructor(source: HistorySource) {
    this.source = source;
  }

  /**
   * The rows of `chunk`, at least up to row `upTo` (or the chunk's end). A chunk fetched while
   * the log was still shorter holds only the rows logged then; while the history is open,
   * others keep editing, so a later need past its last row fetches the rest and extends it
   * (reusing the short copy showed a stale map at "now", issue 16).
   */
  async rows(chunk: number, upTo: number): Promise<RowFrame[]> {
    const from = chunk * CHUNK + 1;
    const to = from + CHUNK - 1;
    const need = Math.min(upTo, to);
    const have = await this.cached(this.rowChunks, chunk, () => this.fetchRows(from, to, []));
    if (have.length === CHUNK || (have.at(-1)?.seq ?? from - 1) >= need) return have;
    const longer = this.fetchRows(from, to, have);
    longer.catch(() => {});
    this.rowChunks.set(chunk, longer);
    return longer;
  }

  /** Rows after `from` up to `to`, from the cached chunks. */
  async between(from: number, to: number): Promise<RowFrame[]> {
    const chunks: Promise<RowFrame[]>[] = [];
    // Asked for at once: a long forward move spans several chunks.
    for (let chunk = Math.floor(from / CHUNK); chunk * CHUNK < to; chunk++) {
      chunks.push(this.rows(chunk, to));
    }
    const out: RowFrame[] = [];
    for (const rows of await Promise.all(chunks)) {
      for (const row of rows) if (row.seq > from && row.seq <= to) out.push(row);
    }
    return out;
  }

  /** The exact state after row `seq`, not kept (the open, or a start a lean one cannot serve). */
  state(seq: number): Promise<Uint8Array> {
    return this.source.state(seq);
  }

  /** The start of `chunk` (chunk 0 starts from an empty document). */
  start(chunk: number): Promise<ReplayStart> {
    if (chunk === 0)
      return Promise.resolve({ state: Y.encodeStateAsUpdate(new Y.Doc()), through: null });
    return this.cached(this.starts, chunk, () => replayStart(this.source, chunk * CHUNK));
  }

  /**
   * Fetches the rows and starts of the chunks that end by row `end` (the log's last), the
   * chunks nearest `near` first, one chunk at a time, each once `giveWay` resolves (the
   * player's seeks go first), until `maxBytes` are held. Starts the source is still making are
   * asked again after each wait of `retriesMs`. Resolves when done or at the first failure.
   * Runs once: a later call does nothing.
   */
  async fetchAhead(
    end: number,
    near: number,
    giveWay: () => Promise<void>,
    { retriesMs = AHEAD_RETRIES_MS, maxBytes = AHEAD_BYTES }: AheadOptions = {},
  ): Promise<void> {
    if (this.fetchedAhead) return;
    this.fetchedAhead = true;
    try {
      const order: number[] = [];
      for (let chunk = 0; (chunk + 1) * CHUNK <= end; chunk++) order.push(chunk);
      const at = Math.floor(near / CHUNK);
      order.sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || a - b);
      let bytes = 0;
      let waiting: number[] = [];
      // One chunk at a time: with three, a move made meanwhile queued behind up to six requests
      // at the server, and jumps made while it ran took 170–200 ms (112–143 with one).
      for (const chunk of order) {
        await giveWay();
        if (bytes >= maxBytes) return;
        this.capacity++;
        const [rows, start] = await Promise.all([
          this.rows(chunk, end),
          chunk === 0 ? null : this.startAhead(chunk),
        ]);
        bytes += rows.reduce((sum, row) => sum + row.bytes.byteLength, 0);
        if (start) bytes += start.state.byteLength;
        else if (chunk > 0) waiting.push(chunk);
      }
      for (const wait of retriesMs) {
        if (waiting.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, wait));
        const still: number[] = [];
        for (const chunk of waiting) {
          await giveWay();
          if (bytes >= maxBytes) return;
          const start = await this.startAhead(chunk);
          if (start) bytes += start.state.byteLength;
          else still.push(chunk);
        }
        waiting = still;
      }
    } catch {
      // Fetching ahead only saves time: a move asks again for what it needs.
    }
  }

  /**
   * The start of `chunk` fetched ahead and kept, or null while the source still makes it. A
   * start already kept (or asked for by a move) is not fetched again.
   */
  private async startAhead(chunk: number): Promise<ReplayStart | null> {
    const kept = this.starts.get(chunk);
    if (kept) return kept;
    const ahead = this.source.startAhead;
    if (!ahead) return this.start(chunk);
    const start = await ahead.call(this.source, chunk * CHUNK);
    if (start && !this.starts.has(chunk)) this.cached(this.starts, chunk, async () => start);
    return start;
  }

  private cached<T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>) {
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key); // re-insert: most recently used last
    } else {
      hit = load();
      hit.catch(() => cache.delete(key));
    }
    cache.set(key, hit);
    while (cache.size > this.capacity) cache.delete(cache.keys().next().value as number);
    return hit;
  }

  /** Rows from..to after `have` (the rows already held from `from` on), paging on. */
  private async fetchRows(from: number, to: number, have: RowFrame[]): Promise<RowFrame[]> {
    const out = [...have];
    while (out.length < to - from + 1) {
      const page = await this.source.rows(from + out.length, to);
      out.push(...page);
      if (page.length === 0) break;
    }
    return out;
  }
}
