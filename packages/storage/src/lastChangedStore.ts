/**
 * Freshness across retention (issue 18): before retention merges a map's old rows into one,
 * it keeps the last change of every thing up to that row (schema's `LastChangedSummary`), one
 * per map, replaced by the next compaction (which summarises the previous summary's row with
 * it, so summaries chain). Without it, everything older than the window would look changed at
 * the compaction's time by "retention". Stored as JSON and read back as untrusted data.
 */
import { type LastChangedSummary, readLastChangedSummary } from "@journeymap/schema";

export interface LastChangedStore {
  /** The summary kept by the map's last compaction, or null if it was never compacted. */
  readLastChanged(mapId: string): Promise<LastChangedSummary | null>;
  /** Keeps `summary` as the map's, replacing the one before. */
  writeLastChanged(mapId: string, summary: LastChangedSummary): Promise<void>;
}

/** The table, the same for SQLite and PostgreSQL (one row per map; purged with the map). */
export const LAST_CHANGED_TABLE = `CREATE TABLE last_changed (
     map_id TEXT PRIMARY KEY,
     upto_seq BIGINT NOT NULL,
     summary TEXT NOT NULL
   );`;

/** The statements, with `?` placeholders (SQLite) or `$n` ones (PostgreSQL). */
export function lastChangedSql(param: (n: number) => string) {
  return {
    read: `SELECT summary FROM last_changed WHERE map_id = ${param(1)}`,
    write: `INSERT INTO last_changed (map_id, upto_seq, summary) VALUES (${param(1)}, ${param(2)}, ${param(3)})
   ON CONFLICT (map_id) DO UPDATE SET upto_seq = excluded.upto_seq, summary = excluded.summary`,
  };
}

/** The stored text as a summary (null for none, or for text that is not one). */
export function toLastChanged(text: string | undefined): LastChangedSummary | null {
  if (text === undefined) return null;
  try {
    return readLastChangedSummary(JSON.parse(text));
  } catch {
    return null;
  }
}
