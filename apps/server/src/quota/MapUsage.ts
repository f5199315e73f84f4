/**
 * What one loaded map uses against its quotas: the size of its document and the bytes it
 * logged today. The document size is exact after each checkpoint (onStoreDocument encodes the
 * state anyway) and grows by each update's size in between, an overestimate that never lets
 * a map past its limit. The day is a window that starts with the map's first write after the
 * previous window ended; at load it counts what the log holds from the last 24 hours.
 */
import type { Quotas } from "./quotas.ts";
import { mib } from "./StoreHealth.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuotaRefusal {
  readonly kind: "mapTooLarge" | "mapDailyQuota";
  readonly detail: string;
}

export class MapUsage {
  private docBytes: number;
  private dayStart: number;
  private dayBytes: number;

  constructor(docBytes: number, loggedLastDay: number, now: number) {
    this.docBytes = docBytes;
    this.dayBytes = loggedLastDay;
    this.dayStart = now;
  }

  /** Why logging `bytes` more would break a quota, or null when it fits. */
  refusal(
    bytes: number,
    now: number,
    quotas: Pick<Quotas, "maxMapBytes" | "maxMapLogBytesPerDay">,
  ): QuotaRefusal | null {
    this.roll(now);
    if (this.docBytes + bytes > quotas.maxMapBytes) {
      return { kind: "mapTooLarge", detail: `the map is at its ${mib(quotas.maxMapBytes)} limit` };
    }
    if (this.dayBytes + bytes > quotas.maxMapLogBytesPerDay) {
      return {
        kind: "mapDailyQuota",
        detail: `${mib(quotas.maxMapLogBytesPerDay)} of edits today`,
      };
    }
    return null;
  }

  logged(bytes: number, now: number): void {
    this.roll(now);
    this.docBytes += bytes;
    this.dayBytes += bytes;
  }

  /** The document's exact encoded size, measured at a checkpoint. */
  measured(docBytes: number): void {
    this.docBytes = docBytes;
  }

  private roll(now: number): void {
    if (now - this.dayStart < DAY_MS) return;
    this.dayStart = now;
    this.dayBytes = 0;
  }
}
