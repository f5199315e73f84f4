/**
 * Storage quotas, with their defaults and why. One place, so config, server, tests and docs
 * agree. Each can be changed by an environment variable (config.ts, README).
 */
const MiB = 1024 * 1024;

/**
 * Maps one client address may create (new or imported) per hour. A person makes a few a day;
 * a script made 189 per second. Generous so a team behind one NAT, and the e2e suite, fit.
 */
export const MAP_CREATIONS_PER_HOUR = 200;
/**
 * Largest map document (bytes of its encoded state). A big real map is about 5 MiB (the
 * largest update and import are 6 and 4 MiB, limits.ts / formatRoutes.ts); this leaves room
 * to grow while stopping one socket from growing a map without bound.
 */
export const MAX_MAP_BYTES = 64 * MiB;
/** Bytes of edits one map may log per day: a busy workshop logs a few MiB. */
export const MAX_MAP_LOG_BYTES_PER_DAY = 256 * MiB;
/**
 * Writes stop while DATA_DIR's filesystem has less free space than this (SQLite only), so
 * the disk never fills up under the store: SQLite needs room to commit and checkpoint.
 */
export const MIN_FREE_DISK_BYTES = 256 * MiB;
/** How long a measurement of free space and store size is reused (ms): statfs per edit is waste. */
export const SPACE_CHECK_INTERVAL_MS = 1000;

export interface Quotas {
  readonly mapCreationsPerHour: number;
  readonly maxMapBytes: number;
  readonly maxMapLogBytesPerDay: number;
  /** Total bytes the store may occupy; null: no limit but the disk's. */
  readonly maxStoreBytes: number | null;
  readonly minFreeDiskBytes: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  mapCreationsPerHour: MAP_CREATIONS_PER_HOUR,
  maxMapBytes: MAX_MAP_BYTES,
  maxMapLogBytesPerDay: MAX_MAP_LOG_BYTES_PER_DAY,
  maxStoreBytes: null,
  minFreeDiskBytes: MIN_FREE_DISK_BYTES,
};
