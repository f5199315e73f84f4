/**
 * Archives on the PostgreSQL store: the runner of archiveSql.ts over one pooled client, a
 * REPEATABLE READ READ ONLY transaction for a snapshot (every map archived as of one moment
 * while servers keep writing), and one transaction per restored map.
 */
import type pg from "pg";
import { inTransaction } from "../postgresTransaction.ts";
import { type ArchiveSql, listMapIds, readMapArchive, writeMapArchive } from "./archiveSql.ts";
import type { ArchiveReader, MapArchive, RestoreOptions } from "./mapArchive.ts";

function postgresArchiveSql(client: pg.PoolClient, purgeMap: ArchiveSql["purgeMap"]): ArchiveSql {
  return {
    param: (n) => `$${n}`,
    async query(sql, params) {
      return (await client.query(sql, [...params])).rows as Record<string, unknown>[];
    },
    async columnsOf(table) {
      const { rows } = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      return new Set(rows.map((r) => r.name));
    },
    bindBoolean: (value) => value,
    documentCounters: true,
    purgeMap,
  };
}

export function withPostgresSnapshot<T>(
  pool: pg.Pool,
  fn: (reader: ArchiveReader) => Promise<T>,
): Promise<T> {
  return inTransaction(
    pool,
    (client) => {
      const sql = postgresArchiveSql(client, async () => {
        throw new Error("a snapshot only reads");
      });
      return fn({
        listMapIds: () => listMapIds(sql),
        readMapArchive: (mapId) => readMapArchive(sql, mapId),
      });
    },
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
}

export function restorePostgresArchive(
  pool: pg.Pool,
  archive: MapArchive,
  options: RestoreOptions,
  purgeMap: (client: pg.PoolClient, mapId: string) => Promise<void>,
): Promise<void> {
  return inTransaction(pool, (client) =>
    writeMapArchive(
      postgresArchiveSql(client, (mapId) => purgeMap(client, mapId)),
      archive,
      options,
    ),
  );
}
