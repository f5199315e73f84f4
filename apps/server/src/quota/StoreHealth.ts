/**
 * Whether the store can take writes: room on its disk and under its size quota (measured at
 * most once a second), and whether the last write failed. Writes are refused while there is
 * no room, before the disk is really full; /readyz reports both. A failed write (a full disk
 * the watermark did not foresee, PostgreSQL down) counts until a write succeeds again: the
 * clients whose edits failed keep them and re-send them on reconnecting, so recovery needs
 * no one's intervention.
 */
import { statfs } from "node:fs/promises";
import { SPACE_CHECK_INTERVAL_MS, type Quotas } from "./quotas.ts";

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: Verdict = { ok: true };
const MiB = 1024 * 1024;

export interface SpaceMeasures {
  /** Free bytes for us on the store's filesystem; null when the store is elsewhere (PostgreSQL). */
  freeDiskBytes(): Promise<number | null>;
  /** Bytes the store occupies. */
  storeBytes(): Promise<number>;
}

/** Free bytes an unprivileged process may use on the filesystem holding `dir`. */
export async function freeBytesOf(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

export function mib(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}

export class StoreHealth {
  private failure: string | null = null;
  private measured: { at: number; verdict: Promise<Verdict> } | null = null;
  private readonly measures: SpaceMeasures;
  private readonly quotas: Pick<Quotas, "maxStoreBytes" | "minFreeDiskBytes">;
  private readonly now: () => number;

  constructor(
    measures: SpaceMeasures,
    quotas: Pick<Quotas, "maxStoreBytes" | "minFreeDiskBytes">,
    now: () => number = Date.now,
  ) {
    this.measures = measures;
    this.quotas = quotas;
    this.now = now;
  }

  /** Whether there is room for new writes (cached for SPACE_CHECK_INTERVAL_MS). */
  room(): Promise<Verdict> {
    const now = this.now();
    if (!this.measured || now - this.measured.at >= SPACE_CHECK_INTERVAL_MS) {
      this.measured = { at: now, verdict: this.measure() };
    }
    return this.measured.verdict;
  }

  /** For /readyz: not ready while the last write failed or there is no room. */
  async status(): Promise<Verdict> {
    if (this.failure !== null) return { ok: false, reason: this.failure };
    return this.room();
  }

  writeFailed(reason: string): void {
    this.failure = reason;
    this.measured = null; // measure again at once: space may be what ran out
  }

  writeSucceeded(): void {
    this.failure = null;
  }

  private async measure(): Promise<Verdict> {
    const { minFreeDiskBytes, maxStoreBytes } = this.quotas;
    try {
      const free = minFreeDiskBytes > 0 ? await this.measures.freeDiskBytes() : null;
      if (free !== null && free < minFreeDiskBytes) {
        return {
          ok: false,
          reason: `Server storage is full (${mib(free)} free on disk, ${mib(minFreeDiskBytes)} kept free)`,
        };
      }
      if (maxStoreBytes !== null) {
        const used = await this.measures.storeBytes();
        if (used >= maxStoreBytes) {
          return {
            ok: false,
            reason: `Server storage is full (store at its ${mib(maxStoreBytes)} limit)`,
          };
        }
      }
      return OK;
    } catch {
      // Not knowing is no reason to refuse: a write that cannot be stored fails by itself.
      return OK;
    }
  }
}
