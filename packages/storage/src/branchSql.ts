/**
 * The branch table (one migration for both stores) and the BranchStore over both, written
 * against the small runner of webhookSql.ts.
 */
import type { BranchRecord, BranchStore } from "./branchStore.ts";
import type { SqlRunner } from "./webhookSql.ts";

export const BRANCH_TABLES = `CREATE TABLE map_branches (
     id TEXT PRIMARY KEY,
     source_map_id TEXT NOT NULL,
     source_seq BIGINT NOT NULL,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL,
     archived_at BIGINT
   );
   CREATE INDEX map_branches_by_source ON map_branches (source_map_id, created_at);`;

const COLUMNS = `id, source_map_id AS "sourceMapId", source_seq AS "sourceSeq", name,
  created_at AS "createdAt", created_by AS "createdBy", archived_at AS "archivedAt"`;

/** PostgreSQL returns BIGINT as strings: numbers back. */
function branchOf(row: Record<string, unknown>): BranchRecord {
  return {
    id: String(row.id),
    sourceMapId: String(row.sourceMapId),
    sourceSeq: Number(row.sourceSeq),
    name: String(row.name),
    createdAt: Number(row.createdAt),
    createdBy: String(row.createdBy),
    archivedAt:
      row.archivedAt === null || row.archivedAt === undefined ? null : Number(row.archivedAt),
  };
}

export class SqlBranchStore implements BranchStore {
  private readonly db: SqlRunner;

  constructor(db: SqlRunner) {
    this.db = db;
  }

  async createBranch(b: BranchRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO map_branches (id, source_map_id, source_seq, name, created_at, created_by, archived_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [b.id, b.sourceMapId, b.sourceSeq, b.name, b.createdAt, b.createdBy, b.archivedAt],
    );
  }

  async listBranches(sourceMapId: string): Promise<BranchRecord[]> {
    const rows = await this.db.all(
      `SELECT ${COLUMNS} FROM map_branches WHERE source_map_id = ? ORDER BY created_at, id`,
      [sourceMapId],
    );
    return rows.map(branchOf);
  }

  async getBranch(branchMapId: string): Promise<BranchRecord | null> {
    const [row] = await this.db.all(`SELECT ${COLUMNS} FROM map_branches WHERE id = ?`, [
      branchMapId,
    ]);
    return row ? branchOf(row) : null;
  }

  async archiveBranch(
    sourceMapId: string,
    branchMapId: string,
    at: number | null,
  ): Promise<boolean> {
    const changed = await this.db.run(
      "UPDATE map_branches SET archived_at = ? WHERE source_map_id = ? AND id = ?",
      [at, sourceMapId, branchMapId],
    );
    return changed > 0;
  }
}
