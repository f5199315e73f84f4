/**
 * Archives on the SQLite store: the runner of archiveSql.ts over its better-sqlite3 connection,
 * and the transactions around it. The statements are synchronous, so a transaction opened
 * with BEGIN stays this connection's alone while the async code between runs, as long as
 * nothing else in the process writes through the same store object (the CLI's case).
 */
import type Database from "better-sqlite3";
import { type ArchiveSql, listMapIds, readMapArchive, writeMapArchive } from "./archiveSql.ts";
import type { ArchiveReader, MapArchive, RestoreOptions } from "./mapArchive.ts";

function sqliteArchiveSql(db: Database.Database, purgeMap: ArchiveSql["purgeMap"]): ArchiveSql {
  const columns = new Map<string, ReadonlySet<string>>();
  return {
    param: () => "?",
    async query(sql, params) {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    },
    async columnsOf(table) {
      let known = columns.get(table);
      if (!known) {
        const rows = db.prepare("SELECT name FROM pragma_table_info(?)").all(table) as {
          name: string;
        }[];
        known = new Set(rows.map((r) => r.name));
        columns.set(table, known);
      }
      return known;
    },
    bindBoolean: (value) => (value ? 1 : 0),
    documentCounters: false,
    purgeMap,
  };
}

async function inSqliteTransaction<T>(
  db: Database.Database,
  begin: string,
  fn: () => Promise<T>,
): Promise<T> {
  db.exec(begin);
  try {
    const result = await fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

export function withSqliteSnapshot<T>(
  db: Database.Database,
  fn: (reader: ArchiveReader) => Promise<T>,
): Promise<T> {
  const sql = sqliteArchiveSql(db, async () => {
    throw new Error("a snapshot only reads");
  });
  return inSqliteTransaction(db, "BEGIN", async () => {
    // In WAL mode a read transaction's snapshot is taken at its first read.
    db.prepare("SELECT COUNT(*) FROM maps").get();
    return fn({
      listMapIds: () => listMapIds(sql),
      readMapArchive: (mapId) => readMapArchive(sql, mapId),
    });
  });
}

export function restoreSqliteArchive(
  db: Database.Database,
  archive: MapArchive,
  options: RestoreOptions,
  purgeMap: ArchiveSql["purgeMap"],
): Promise<void> {
  return inSqliteTransaction(db, "BEGIN IMMEDIATE", () =>
    writeMapArchive(sqliteArchiveSql(db, purgeMap), archive, options),
  );
}
