/**
 * The library opportunity tables (one migration for both stores) and their store over both,
 * written against the small runner of webhookSql.ts.
 */
import type {
  LibraryOpportunityChange,
  LibraryOpportunityLink,
  LibraryOpportunityRecord,
  LibraryOpportunityStore,
} from "./libraryOpportunityStore.ts";
import type { SqlRunner } from "./webhookSql.ts";

export const LIBRARY_OPPORTUNITY_TABLES = `CREATE TABLE library_opportunities (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL,
     title TEXT NOT NULL,
     value INTEGER,
     effort INTEGER,
     status TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE INDEX library_opportunities_by_workspace ON library_opportunities (workspace_id, created_at);
   CREATE TABLE library_opportunity_links (
     opportunity_id TEXT NOT NULL,
     map_id TEXT NOT NULL,
     card_id TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (opportunity_id, map_id, card_id)
   );
   CREATE INDEX library_opportunity_links_by_map ON library_opportunity_links (map_id);`;

const COLUMNS = `id, workspace_id AS "workspaceId", title, value, effort, status,
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt",
  updated_by AS "updatedBy"`;

/** Reads in chunks, so a list of thousands of ids never makes one giant statement. */
const CHUNK = 500;

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** PostgreSQL returns BIGINT as strings: numbers back. */
function opportunityOf(row: Record<string, unknown>): LibraryOpportunityRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspaceId),
    title: String(row.title),
    value: numberOrNull(row.value),
    effort: numberOrNull(row.effort),
    status: String(row.status),
    createdBy: String(row.createdBy),
    createdAt: Number(row.createdAt),
    updatedAt: Number(row.updatedAt),
    updatedBy: String(row.updatedBy),
  };
}

/** The columns a change may write, by its field name. */
const CHANGEABLE = { title: "title", value: "value", effort: "effort", status: "status" } as const;

export class SqlLibraryOpportunityStore implements LibraryOpportunityStore {
  private readonly db: SqlRunner;

  constructor(db: SqlRunner) {
    this.db = db;
  }

  async createOpportunity(o: LibraryOpportunityRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO library_opportunities (id, workspace_id, title, value, effort, status,
         created_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        o.id,
        o.workspaceId,
        o.title,
        o.value,
        o.effort,
        o.status,
        o.createdBy,
        o.createdAt,
        o.updatedAt,
        o.updatedBy,
      ],
    );
  }

  async getOpportunity(id: string): Promise<LibraryOpportunityRecord | null> {
    const [row] = await this.db.all(`SELECT ${COLUMNS} FROM library_opportunities WHERE id = ?`, [
      id,
    ]);
    return row ? opportunityOf(row) : null;
  }

  async listOpportunities(workspaceId: string): Promise<LibraryOpportunityRecord[]> {
    const rows = await this.db.all(
      `SELECT ${COLUMNS} FROM library_opportunities WHERE workspace_id = ? ORDER BY created_at, id`,
      [workspaceId],
    );
    return rows.map(opportunityOf);
  }

  async updateOpportunity(id: string, change: LibraryOpportunityChange): Promise<boolean> {
    const sets = ["updated_at = ?", "updated_by = ?"];
    const params: (string | number | null)[] = [change.updatedAt, change.updatedBy];
    for (const [field, column] of Object.entries(CHANGEABLE)) {
      const value = change[field as keyof typeof CHANGEABLE];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    return (
      (await this.db.run(`UPDATE library_opportunities SET ${sets.join(", ")} WHERE id = ?`, [
        ...params,
        id,
      ])) > 0
    );
  }

  async deleteOpportunity(id: string): Promise<boolean> {
    await this.db.run("DELETE FROM library_opportunity_links WHERE opportunity_id = ?", [id]);
    return (await this.db.run("DELETE FROM library_opportunities WHERE id = ?", [id])) > 0;
  }

  async addLink(l: LibraryOpportunityLink): Promise<void> {
    await this.db.run(
      `INSERT INTO library_opportunity_links (opportunity_id, map_id, card_id, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (opportunity_id, map_id, card_id) DO NOTHING`,
      [l.opportunityId, l.mapId, l.cardId, l.createdAt],
    );
  }

  async removeLink(opportunityId: string, mapId: string, cardId: string): Promise<boolean> {
    return (
      (await this.db.run(
        "DELETE FROM library_opportunity_links WHERE opportunity_id = ? AND map_id = ? AND card_id = ?",
        [opportunityId, mapId, cardId],
      )) > 0
    );
  }

  async linksOf(opportunityIds: readonly string[]): Promise<LibraryOpportunityLink[]> {
    const found: LibraryOpportunityLink[] = [];
    for (let i = 0; i < opportunityIds.length; i += CHUNK) {
      const ids = opportunityIds.slice(i, i + CHUNK);
      const rows = await this.db.all(
        `SELECT opportunity_id AS "opportunityId", map_id AS "mapId", card_id AS "cardId",
           created_at AS "createdAt" FROM library_opportunity_links
          WHERE opportunity_id IN (${ids.map(() => "?").join(", ")})
          ORDER BY created_at, map_id, card_id`,
        ids,
      );
      for (const row of rows)
        found.push({
          opportunityId: String(row.opportunityId),
          mapId: String(row.mapId),
          cardId: String(row.cardId),
          createdAt: Number(row.createdAt),
        });
    }
    return found;
  }
}
