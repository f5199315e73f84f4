/**
 * Reading and writing a map archive in SQL both stores speak, through a small runner each
 * backend gives (placeholders, a query, the columns of a table). Records are copied column by
 * column as stored (`SELECT *`), so a column a later migration adds travels in archives without
 * this file changing; a column the target store lacks is refused rather than dropped.
 */
import { ARCHIVE_TABLES, type ArchiveTable, type ArchiveValue } from "@journeymap/protocol/archive";
import type { LoggedUpdate } from "../documentLog.ts";
import { documentsOf } from "../mapCatalog.ts";
import { loggedUpdateOf, type UpdateRecord } from "../sharedSql.ts";
import {
  type ArchivedCheckpoint,
  ArchiveError,
  type ArchiveRow,
  checkMapArchive,
  MAP_ID_COLUMN,
  type MapArchive,
  MapExistsError,
  type RestoreOptions,
} from "./mapArchive.ts";

export interface ArchiveSql {
  /** The placeholder of the n-th parameter (from 1). */
  param(n: number): string;
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** The table's column names. */
  columnsOf(table: string): Promise<ReadonlySet<string>>;
  /** How a boolean is bound (SQLite keeps 0 and 1; an archive from PostgreSQL has booleans). */
  readonly bindBoolean: (value: boolean) => unknown;
  /** PostgreSQL keeps each log's counter in `documents`; SQLite reads MAX(seq). */
  readonly documentCounters: boolean;
  /** Deletes the map and all that hangs off it, inside the restore's transaction. */
  purgeMap(mapId: string): Promise<void>;
}

function archiveValue(table: string, column: string, value: unknown): ArchiveValue {
  if (value === null || ["string", "number", "boolean"].includes(typeof value))
    return value as ArchiveValue;
  throw new ArchiveError(`${table}.${column} holds a value an archive cannot carry`);
}

function archiveRow(table: string, row: Record<string, unknown>): ArchiveRow {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [column, archiveValue(table, column, value)]),
  );
}

async function rowsOf(sql: ArchiveSql, table: ArchiveTable, column: string, value: unknown) {
  const rows = await sql.query(
    `SELECT * FROM ${table} WHERE ${column} = ${sql.param(1)} ORDER BY 1`,
    [value],
  );
  return rows.map((row) => archiveRow(table, row));
}

export async function listMapIds(sql: ArchiveSql): Promise<string[]> {
  return (await sql.query("SELECT id FROM maps ORDER BY id", [])).map((r) => String(r.id));
}

export async function readMapArchive(sql: ArchiveSql, mapId: string): Promise<MapArchive | null> {
  const maps = await rowsOf(sql, "maps", "id", mapId);
  if (maps.length === 0) return null;
  const workspaceId = maps[0]!.workspace_id;
  const owned = async (table: Exclude<keyof typeof MAP_ID_COLUMN, "maps">) =>
    rowsOf(sql, table, MAP_ID_COLUMN[table], mapId);
  const records = {
    maps,
    links: await owned("links"),
    versions: await owned("versions"),
    map_shares: await owned("map_shares"),
    map_branches: await owned("map_branches"),
    votes: await owned("votes"),
    vote_ballots: await owned("vote_ballots"),
    workspace_settings:
      workspaceId === null
        ? []
        : await rowsOf(sql, "workspace_settings", "workspace_id", workspaceId),
  };
  const updates: LoggedUpdate[] = [];
  const checkpoints: ArchivedCheckpoint[] = [];
  for (const doc of documentsOf(mapId)) {
    const rows = await sql.query(`SELECT * FROM updates WHERE doc = ${sql.param(1)} ORDER BY seq`, [
      doc,
    ]);
    updates.push(...rows.map((row) => loggedUpdateOf(row as unknown as UpdateRecord)));
    const [latest] = await sql.query(
      `SELECT upto_seq, created_at, state FROM checkpoints WHERE doc = ${sql.param(1)}
       ORDER BY upto_seq DESC LIMIT 1`,
      [doc],
    );
    if (latest)
      checkpoints.push({
        doc,
        uptoSeq: Number(latest.upto_seq),
        createdAt: Number(latest.created_at),
        state: new Uint8Array(latest.state as Uint8Array),
      });
  }
  return { mapId, records, updates, checkpoints };
}

async function insertRow(sql: ArchiveSql, table: ArchiveTable, row: ArchiveRow, onConflict = "") {
  const known = await sql.columnsOf(table);
  const columns = Object.keys(row).filter((column) => {
    if (known.has(column)) return true;
    if (row[column] === null) return false;
    throw new ArchiveError(
      `the archive has ${table}.${column}, which this store lacks: restore it with the Journeymap version that made it, or a later one`,
    );
  });
  const values = columns.map((c) => {
    const value = row[c];
    return typeof value === "boolean" ? sql.bindBoolean(value) : value;
  });
  await sql.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => sql.param(i + 1)).join(", ")}) ${onConflict}`,
    values,
  );
}

/** Writes the archive's map; the caller runs it in one transaction. */
export async function writeMapArchive(
  sql: ArchiveSql,
  archive: MapArchive,
  options: RestoreOptions,
): Promise<void> {
  checkMapArchive(archive);
  const { mapId, records } = archive;
  const [exists] = await sql.query(`SELECT 1 AS one FROM maps WHERE id = ${sql.param(1)}`, [mapId]);
  if (exists) {
    if (!options.replace) throw new MapExistsError(mapId);
    await sql.purgeMap(mapId);
  }
  for (const table of ARCHIVE_TABLES) {
    // A workspace's settings are its admins' now: an archive only fills them in where none are.
    const onConflict = table === "workspace_settings" ? "ON CONFLICT DO NOTHING" : "";
    for (const row of records[table]) await insertRow(sql, table, row, onConflict);
  }
  const p = (n: number) => sql.param(n);
  const last = new Map<string, { seq: number; ts: number }>();
  for (const u of archive.updates) {
    if (sql.documentCounters && !last.has(u.doc))
      await sql.query(`INSERT INTO documents (name, last_seq, updated_at) VALUES (${p(1)}, 0, 0)`, [
        u.doc,
      ]);
    await sql.query(
      `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
      [u.doc, u.seq, u.ts, u.author, JSON.stringify(u.clientIds), u.origin, Buffer.from(u.bytes)],
    );
    last.set(u.doc, { seq: u.seq, ts: Math.max(u.ts, last.get(u.doc)?.ts ?? 0) });
  }
  if (sql.documentCounters)
    for (const [name, { seq, ts }] of last)
      await sql.query(
        `UPDATE documents SET last_seq = ${p(2)}, updated_at = ${p(3)} WHERE name = ${p(1)}`,
        [name, seq, ts],
      );
  for (const c of archive.checkpoints)
    await sql.query(
      `INSERT INTO checkpoints (doc, upto_seq, state, created_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
      [c.doc, c.uptoSeq, Buffer.from(c.state), c.createdAt],
    );
}
