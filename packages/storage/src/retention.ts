/**
 * History retention (HISTORY_RETENTION_DAYS; default: keep all). Rows older than the retention
 * window are merged into one row per document, so the map's current state and every moment
 * inside the window replay exactly, and storage stops growing with old edits. Named versions
 * pin history: nothing at or after the oldest named version's moment is compacted, so every
 * version can still be compared and restored. The same sweep purges the trash (trash.ts).
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import * as Y from "yjs";
import type { DocumentLog, LogEntry, LoggedUpdate } from "./documentLog.ts";
import { keepLastChanged } from "./keepLastChanged.ts";
import type { LastChangedStore } from "./lastChangedStore.ts";
import type { MapCatalog } from "./mapCatalog.ts";
import { runPeriodically } from "./periodic.ts";
import { purgeTrash } from "./trash.ts";
import type { VersionStore } from "./versionStore.ts";

/** What retention logs through (the server passes its pino logger). */
export interface RetentionLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

type RetentionStore = DocumentLog & MapCatalog & VersionStore & LastChangedStore;

/**
 * The sequence number up to which a log may be compacted, or null if nothing should be: the
 * last row received before `cutoffTs`, kept below the oldest pinned sequence number, and past
 * the first row (compacting a single row changes nothing).
 */
export function compactionPoint(
  entries: readonly Pick<LogEntry, "seq" | "ts">[],
  cutoffTs: number,
  pinnedSeq: number | null,
): number | null {
  // Rows are in receipt order, so ts is non-decreasing along the log.
  let point: number | null = null;
  for (const entry of entries) {
    if (entry.ts >= cutoffTs) break;
    if (pinnedSeq !== null && entry.seq > pinnedSeq) break;
    point = entry.seq;
  }
  const first = entries[0]?.seq;
  return point !== null && first !== undefined && point > first ? point : null;
}

/**
 * Compacts one document's log to the retention window; returns the rows removed. `beforeCompact`
 * sees the rows about to be merged (freshness keeps their last changes: keepLastChanged.ts).
 */
export async function compactDocument(
  store: DocumentLog,
  doc: string,
  cutoffTs: number,
  pinnedSeq: number | null,
  beforeCompact?: (rows: readonly LoggedUpdate[]) => Promise<void>,
): Promise<number> {
  const { first, last } = await store.logBounds(doc);
  if (last === 0) return 0;
  const point = compactionPoint(await store.readLogEntries(doc, first, last), cutoffTs, pinnedSeq);
  if (point === null) return 0;
  const rows = await store.readUpdates(doc, first, point);
  await beforeCompact?.(rows);
  await store.compactLog(doc, point, Y.mergeUpdates(rows.map((r) => r.bytes)));
  return rows.length - 1;
}

/** One pass over the maps: each map's two documents, once each. */
export async function applyRetention(
  store: RetentionStore,
  keepMs: number,
  now: number,
  log?: RetentionLog,
): Promise<number> {
  let removed = 0;
  for (const map of await store.listMaps()) {
    const versions = await store.listVersions(map.id);
    const pinned = versions.length > 0 ? Math.min(...versions.map((v) => v.seq)) : null;
    try {
      // Versions name moments of the map document; comments are not pinned by them.
      removed += await compactDocument(
        store,
        mapDocumentName(map.id),
        now - keepMs,
        pinned,
        (rows) => keepLastChanged(store, map.id, rows),
      );
      removed += await compactDocument(store, talkDocumentName(map.id), now - keepMs, null);
    } catch (error) {
      // One map's bad rows must not stop retention for the others.
      log?.error({ err: error, mapId: map.id }, "history retention failed for a map");
    }
  }
  if (removed > 0) log?.info({ removed }, "history retention compacted old edits");
  return removed;
}

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;
const FIRST_SWEEP_AFTER_MS = 30_000;

/** One sweep: history retention when it is configured (`keepMs`), and the trash's purge. */
async function sweepOnce(store: RetentionStore, keepMs: number | null, log: RetentionLog) {
  const now = Date.now();
  await purgeTrash(store, now, log);
  if (keepMs !== null) await applyRetention(store, keepMs, now, log);
}

/**
 * Runs the sweep soon after start and then every few hours. The returned stop function waits
 * for a pass under way, so the store is not closed beneath it.
 */
export function scheduleRetention(
  store: RetentionStore,
  keepMs: number | null,
  log: RetentionLog,
): () => Promise<void> {
  return runPeriodically(
    () => sweepOnce(store, keepMs, log),
    { firstAfterMs: FIRST_SWEEP_AFTER_MS, everyMs: SWEEP_EVERY_MS },
    (error) => log.error({ err: error }, "history retention failed"),
  );
}
