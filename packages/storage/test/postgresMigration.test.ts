/**
 * The PostgreSQL store opens a database written before logs were keyed by document and
 * migrates it forward, atomically. The old schema is the store's migrations 1–3 as `main`
 * ran them at 7dfef97; its rows are those of the SQLite data folder made by that commit, laid
 * out as the PostgreSQL store kept them (a `maps` row, with the log's counter, for every
 * document that had a log, talk documents included).
 */
import { mapDocumentName } from "@journeymap/protocol";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresMapStore, storeFileIn } from "../src/index.ts";
import { migratePostgres, POSTGRES_MIGRATIONS } from "../src/postgresMigrations.ts";
import {
  copyLegacyDataDir,
  createTestDatabase,
  type LegacyDataDir,
  postgresAvailable,
  type TestDatabase,
} from "../src/testing/index.ts";
import { expectMigrated } from "./legacyChecks.ts";

/** The schema `main` ran at 7dfef97: migrations 1–3 (released migrations never change). */
const OLD_SCHEMA = [
  ...POSTGRES_MIGRATIONS.slice(0, 3),
  `CREATE TABLE journeymap_store_version (version INT NOT NULL);
   INSERT INTO journeymap_store_version VALUES (3);`,
];

type Row = Record<string, unknown>;

/** Copies the legacy SQLite rows into the old PostgreSQL schema, as that store kept them. */
async function writeOldDatabase(url: string, legacy: LegacyDataDir): Promise<void> {
  const sqlite = new Database(storeFileIn(legacy.dataDir), { readonly: true });
  const all = (sql: string) => sqlite.prepare(sql).all() as Row[];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of OLD_SCHEMA) await client.query(sql);
    const insert = async (table: string, rows: Row[]) => {
      for (const row of rows) {
        const columns = Object.keys(row);
        await client.query(
          `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          Object.values(row),
        );
      }
    };
    // Every log had a `maps` row holding its counter; a talk document's had no title.
    await insert(
      "maps",
      all(`SELECT doc AS id, COALESCE(m.title, '') AS title,
             COALESCE(m.created_at, MIN(ts)) AS created_at, MAX(seq) AS last_seq, MAX(ts) AS updated_at
           FROM updates LEFT JOIN maps m ON m.id = doc GROUP BY doc`),
    );
    await insert("updates", all("SELECT * FROM updates"));
    await insert("checkpoints", all("SELECT * FROM checkpoints"));
    await insert("links", all("SELECT * FROM links"));
    await insert("versions", all("SELECT * FROM versions"));
    await insert("secrets", all("SELECT * FROM secrets"));
  } finally {
    await client.end();
    sqlite.close();
  }
}

const available = await postgresAvailable();

describe.runIf(available)(
  "a PostgreSQL database written before logs were kept per document",
  () => {
    let legacy: LegacyDataDir;
    let db: TestDatabase;
    beforeAll(async () => {
      legacy = copyLegacyDataDir();
      db = await createTestDatabase();
      await writeOldDatabase(db.url, legacy);
    });
    afterAll(async () => {
      await db?.drop();
      legacy?.dispose();
    });

    it("keeps the old schema when the migration fails before its commit", async () => {
      const pool = new pg.Pool({ connectionString: db.url });
      // A process that dies mid-migration: the step's statements ran, its version bump fails.
      const connect = pool.connect.bind(pool);
      pool.connect = (async () => {
        const client = await connect();
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        client.query = ((...args: unknown[]) =>
          typeof args[0] === "string" && args[0].startsWith("UPDATE journeymap_store_version")
            ? Promise.reject(new Error("killed"))
            : query(...args)) as typeof client.query;
        return client;
      }) as typeof pool.connect;
      await expect(migratePostgres(pool)).rejects.toThrow("killed");
      await pool.end();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query("SELECT version FROM journeymap_store_version");
      expect(rows).toEqual([{ version: 3 }]);
      const maps = await client.query("SELECT count(*)::int AS n FROM maps");
      expect(maps.rows[0].n).toBe(4); // two maps and two talk documents posing as maps
      await client.end();
    });

    it("opens with every map listed once and its documents, versions, links and history intact", async () => {
      const store = await PostgresMapStore.open(db.url);
      await expectMigrated(store, legacy.expected);
      await store.close();
      // Opening again migrates nothing more.
      const reopened = await PostgresMapStore.open(db.url);
      expect((await reopened.listMaps()).length).toBe(2);
      expect(await reopened.countUpdates(mapDocumentName(legacy.expected.map.id))).toBe(5);
      await reopened.close();
    });
  },
);
