/**
 * The persona library's table (one migration for both stores) and its store over both,
 * written against the small runner of webhookSql.ts.
 */
import type { LibraryPersonaRecord, LibraryPersonaStore } from "./libraryPersonaStore.ts";
import type { SqlRunner } from "./webhookSql.ts";

export const LIBRARY_PERSONA_TABLES = `CREATE TABLE library_personas (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     quote TEXT NOT NULL,
     colour TEXT NOT NULL,
     fields TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     updated_by TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     archived_at BIGINT
   );
   CREATE INDEX library_personas_by_workspace ON library_personas (workspace_id, name);`;

const COLUMNS = `id, workspace_id AS "workspaceId", name, role, quote, colour, fields,
  created_by AS "createdBy", created_at AS "createdAt", updated_by AS "updatedBy",
  updated_at AS "updatedAt", archived_at AS "archivedAt"`;

/** Only string values survive a row whose JSON was written by someone else. */
function fieldsOf(json: unknown): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(json));
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/** PostgreSQL returns BIGINT as strings: numbers back. */
function personaOf(row: Record<string, unknown>): LibraryPersonaRecord {
  return {
    id: String(row.id),
    workspaceId: String(row.workspaceId),
    name: String(row.name),
    role: String(row.role),
    quote: String(row.quote),
    colour: String(row.colour),
    fields: fieldsOf(row.fields),
    createdBy: String(row.createdBy),
    createdAt: Number(row.createdAt),
    updatedBy: String(row.updatedBy),
    updatedAt: Number(row.updatedAt),
    archivedAt:
      row.archivedAt === null || row.archivedAt === undefined ? null : Number(row.archivedAt),
  };
}

export class SqlLibraryPersonaStore implements LibraryPersonaStore {
  private readonly db: SqlRunner;

  constructor(db: SqlRunner) {
    this.db = db;
  }

  async createPersona(p: LibraryPersonaRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO library_personas (id, workspace_id, name, role, quote, colour, fields,
         created_by, created_at, updated_by, updated_at, archived_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.workspaceId,
        p.name,
        p.role,
        p.quote,
        p.colour,
        JSON.stringify(p.fields),
        p.createdBy,
        p.createdAt,
        p.updatedBy,
        p.updatedAt,
        p.archivedAt,
      ],
    );
  }

  async getPersona(workspaceId: string, id: string): Promise<LibraryPersonaRecord | null> {
    const [row] = await this.db.all(
      `SELECT ${COLUMNS} FROM library_personas WHERE workspace_id = ? AND id = ?`,
      [workspaceId, id],
    );
    return row ? personaOf(row) : null;
  }

  async listPersonas(workspaceId: string, limit: number): Promise<LibraryPersonaRecord[]> {
    const rows = await this.db.all(
      `SELECT ${COLUMNS} FROM library_personas WHERE workspace_id = ? ORDER BY name, id LIMIT ?`,
      [workspaceId, limit],
    );
    return rows.map(personaOf);
  }

  async updatePersona(p: LibraryPersonaRecord): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE library_personas SET name = ?, role = ?, quote = ?, colour = ?, fields = ?,
         updated_by = ?, updated_at = ?, archived_at = ?
       WHERE workspace_id = ? AND id = ?`,
      [
        p.name,
        p.role,
        p.quote,
        p.colour,
        JSON.stringify(p.fields),
        p.updatedBy,
        p.updatedAt,
        p.archivedAt,
        p.workspaceId,
        p.id,
      ],
    );
    return changed > 0;
  }

  async archivePersona(workspaceId: string, id: string, at: number | null): Promise<boolean> {
    const changed = await this.db.run(
      "UPDATE library_personas SET archived_at = ? WHERE workspace_id = ? AND id = ?",
      [at, workspaceId, id],
    );
    return changed > 0;
  }
}
