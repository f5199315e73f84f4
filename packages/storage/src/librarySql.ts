/** The library's summary table (one migration for both stores) and its store over both. */
import type { LibraryStore, StoredSummary, SummaryMark } from "./libraryStore.ts";
import type { SqlRunner } from "./webhookSql.ts";

export const LIBRARY_TABLES = `CREATE TABLE map_summaries (
     map_id TEXT PRIMARY KEY,
     summary TEXT NOT NULL,
     seq BIGINT NOT NULL,
     version INTEGER NOT NULL,
     updated_at BIGINT NOT NULL
   );`;

/** Reads in chunks, so a list of thousands of ids never makes one giant statement. */
const CHUNK = 500;

export class SqlLibraryStore implements LibraryStore {
  private readonly db: SqlRunner;

  constructor(db: SqlRunner) {
    this.db = db;
  }

  async putSummary(s: StoredSummary): Promise<void> {
    await this.db.run(
      `INSERT INTO map_summaries (map_id, summary, seq, version, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (map_id) DO UPDATE SET summary = excluded.summary, seq = excluded.seq,
         version = excluded.version, updated_at = excluded.updated_at`,
      [s.mapId, s.summary, s.seq, s.version, s.updatedAt],
    );
  }

  async summaries(mapIds: readonly string[]): Promise<StoredSummary[]> {
    const found: StoredSummary[] = [];
    for (let i = 0; i < mapIds.length; i += CHUNK) {
      const ids = mapIds.slice(i, i + CHUNK);
      const rows = await this.db.all(
        `SELECT map_id AS "mapId", summary, seq, version, updated_at AS "updatedAt"
           FROM map_summaries WHERE map_id IN (${ids.map(() => "?").join(", ")})`,
        ids,
      );
      for (const row of rows)
        found.push({
          mapId: String(row.mapId),
          summary: String(row.summary),
          seq: Number(row.seq),
          version: Number(row.version),
          updatedAt: Number(row.updatedAt),
        });
    }
    return found;
  }

  async summaryMarks(): Promise<Map<string, SummaryMark>> {
    const rows = await this.db.all(
      `SELECT map_id AS "mapId", seq, version, updated_at AS "updatedAt" FROM map_summaries`,
      [],
    );
    return new Map(
      rows.map((r) => [
        String(r.mapId),
        { seq: Number(r.seq), version: Number(r.version), updatedAt: Number(r.updatedAt) },
      ]),
    );
  }
}
