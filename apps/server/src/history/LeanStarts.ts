/**
 * Lean chunk starts for the history's replay (issue 16, R7): the state at a chunk start without
 * the deleted content the next LEAN_REACH rows do not name (`leanState` in the schema, checked
 * row by row against the full state). For the 50,000-edit benchmark map a late chunk start
 * shrinks from 473 KB to 27 KB and decodes in 1 ms instead of 40–70: most of a random jump.
 *
 * Making one costs a decode of the full state and a replay of LEAN_REACH rows on both (up to
 * about 120 ms on the benchmark map), so no request waits for it: the first request for a map's
 * lean starts is answered with full states, and every complete chunk start of that map is made
 * in the background, nearest to the asked one first, one at a time across all maps, with the
 * loop free between rows and chunks. Kept in memory, bounded in bytes; one is served only while
 * the log still holds its last row as it was (a replaced or restored log has other rows).
 */
import { setTimeout as sleep, setImmediate as yieldToLoop } from "node:timers/promises";
import { CHUNK, LEAN_REACH, leanState } from "@journeymap/schema";
import type { LogBounds, LoggedUpdate } from "@journeymap/storage";
import { LRUCache } from "lru-cache";
import type { Logger } from "../logger.ts";

/** Bytes of lean starts kept in memory, all maps together (about 27 KB each on the bench map). */
export const LEAN_CACHE_BYTES = 16 * 1024 * 1024;
/** Bytes of rows read per query while making one. */
const READ_PAGE_BYTES = 8 * 1024 * 1024;

export interface LeanStart {
  readonly state: Uint8Array;
  /** The last row the state may be brought to: rows after it may name what it left out. */
  readonly through: number;
}

/**
 * Why there is no lean start at a moment: none will be made there ("none": not a complete chunk
 * start, or not a fifth smaller than the full state), or it is being made ("coming").
 */
export type NoLeanStart = "none" | "coming";

/** What lean starts are made from: the history's own reads. */
export interface LeanSource {
  /** The full state after row `k`, a chunk start. */
  fullState(mapId: string, k: number): Promise<Uint8Array>;
  /** Rows from..to with their bytes, at most about `maxBytes` (at least one row). */
  rows(mapId: string, from: number, to: number, maxBytes: number): Promise<LoggedUpdate[]>;
  bounds(mapId: string): Promise<LogBounds>;
  /** The time row `seq` was logged at, or null when the log does not hold it. */
  rowTs(mapId: string, seq: number): Promise<number | null>;
}

/** A made lean start, or `state: null` when none is worth having (kept so it is not tried again). */
interface Made {
  readonly state: Uint8Array | null;
  readonly through: number;
  readonly throughTs: number;
}

export class LeanStarts {
  private readonly source: LeanSource;
  private readonly log: Pick<Logger, "warn"> | undefined;
  private readonly made: LRUCache<string, Made>;
  /** Maps whose lean starts are being made or wait their turn. */
  private readonly queued = new Set<string>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    source: LeanSource,
    { maxBytes = LEAN_CACHE_BYTES, log }: { maxBytes?: number; log?: Pick<Logger, "warn"> } = {},
  ) {
    this.source = source;
    this.log = log;
    this.made = new LRUCache<string, Made>({
      maxSize: maxBytes,
      sizeCalculation: (m) => (m.state?.byteLength ?? 0) + 64,
    });
  }

  /**
   * The lean start at chunk start `k`, or why there is none: when one can be made, the map's
   * lean starts are made in the background.
   */
  async get(mapId: string, k: number): Promise<LeanStart | NoLeanStart> {
    if (k <= 0 || k % CHUNK !== 0) return "none";
    const key = keyOf(mapId, k);
    const made = this.made.get(key);
    if (made) {
      if ((await this.source.rowTs(mapId, made.through)) === made.throughTs) {
        return made.state ? { state: made.state, through: made.through } : "none";
      }
      this.made.delete(key);
    }
    const { first, last } = await this.source.bounds(mapId);
    if (k < first || k + LEAN_REACH > last) return "none";
    this.makeAll(mapId, k);
    return "coming";
  }

  /** Resolves when every lean start asked for so far is made (tests). */
  async idle(): Promise<void> {
    while (this.queued.size > 0) await this.tail;
  }

  /** Queues making the map's missing lean starts, nearest to `near` first. */
  private makeAll(mapId: string, near: number): void {
    if (this.queued.has(mapId)) return;
    this.queued.add(mapId);
    this.tail = this.tail
      .then(async () => {
        const { first, last } = await this.source.bounds(mapId);
        const missing: number[] = [];
        for (let k = CHUNK; k + LEAN_REACH <= last; k += CHUNK) {
          if (k >= first && !this.made.has(keyOf(mapId, k))) missing.push(k);
        }
        missing.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
        for (const k of missing) {
          const began = performance.now();
          await this.make(mapId, k);
          // Half a core at most: as long a rest as the work took, so that the server's other
          // requests, and a browser on the same machine, keep most of the CPU meanwhile.
          await sleep(performance.now() - began);
        }
      })
      .catch((err: unknown) => this.log?.warn({ err, mapId }, "lean history states not made"))
      .finally(() => this.queued.delete(mapId));
  }

  private async make(mapId: string, k: number): Promise<void> {
    const through = k + LEAN_REACH;
    const rows: LoggedUpdate[] = [];
    for (let from = k + 1; from <= through; ) {
      const page = await this.source.rows(mapId, from, through, READ_PAGE_BYTES);
      if (page.length === 0) break;
      rows.push(...page);
      from = page.at(-1)!.seq + 1;
    }
    const last = rows.at(-1);
    // A log with a gap there (compacted meanwhile) gets none.
    if (rows.length !== LEAN_REACH || last?.seq !== through) return;
    const full = await this.source.fullState(mapId, k);
    const state = await leanState(
      full,
      rows.map((r) => r.bytes),
      () => yieldToLoop(),
    );
    this.made.set(keyOf(mapId, k), { state, through, throughTs: last.ts });
  }
}

const keyOf = (mapId: string, k: number) => `${mapId} ${k}`;
