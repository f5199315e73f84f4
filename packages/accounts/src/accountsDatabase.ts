/**
 * The accounts library's own connection to the store's database: the same SQLite file
 * (WAL, busy_timeout, like SqliteMapStore) or the same PostgreSQL database, so accounts,
 * workspaces and maps live in one place and one backup. Its own connection because
 * better-auth speaks through Kysely while the store uses the drivers directly.
 *
 * SQLite runs better-auth without transactions, on purpose: a Kysely transaction stays open
 * across `await`s (a sign-up hashes the password and signs its cookie inside one), so the
 * store's synchronous appends on the other connection interleave with it: a write lock held
 * across an await would make an append busy-wait, blocking the event loop the transaction
 * needs to finish, and a read snapshot overtaken by an append fails the sign-up with
 * SQLITE_BUSY_SNAPSHOT (what accountsDatabase.test.ts sees with transactions on). Without
 * them every statement commits at once. The cost: a multi-row operation (a user and their
 * password row) is not atomic on SQLite if the disk fails between the two.
 * PostgreSQL keeps transactions: its locks are rows, and its driver never blocks the loop.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { storeFileIn } from "@journeymap/storage";
import Database from "better-sqlite3";
import type { BetterAuthOptions } from "better-auth";
import { SqliteDialect } from "kysely";
import pg from "pg";
import { TABLE } from "./tables.ts";

/** Any constant other than the store's (727274): the key of the lock accounts migrators take. */
const MIGRATION_LOCK = 727275;
/** Connections per instance: auth traffic is a few queries per sign-in or API request. */
const POOL_SIZE = 5;

export interface AccountsDatabase {
  readonly kind: "sqlite" | "postgres";
  /** What better-auth's `database` option takes. */
  readonly forBetterAuth: BetterAuthOptions["database"];
  /**
   * Runs `fn` while no other instance does (PostgreSQL: an advisory lock; SQLite has one server
   * process per file), so instances starting together create the tables once.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /** The secret kept in the database, created by the first instance that asks. */
  storedSecret(): Promise<string>;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  /** The data folder whose store file SQLite shares. */
  readonly dataDir: string;
  /** PostgreSQL URL; null: SQLite in dataDir. */
  readonly databaseUrl: string | null;
}

export function openAccountsDatabase(
  location: DatabaseLocation,
  onConnectionError: (error: Error) => void,
): AccountsDatabase {
  return location.databaseUrl === null
    ? openSqlite(location.dataDir)
    : openPostgres(location.databaseUrl, onConnectionError);
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

const CREATE_SECRET_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE.secret} (name TEXT PRIMARY KEY, value TEXT NOT NULL)`;

function openSqlite(dataDir: string): AccountsDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(storeFileIn(dataDir));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return {
    kind: "sqlite",
    forBetterAuth: {
      dialect: new SqliteDialect({ database: db }),
      type: "sqlite",
      transaction: false,
    },
    exclusively: (fn) => fn(),
    async storedSecret() {
      db.exec(CREATE_SECRET_TABLE);
      db.prepare(`INSERT OR IGNORE INTO ${TABLE.secret} (name, value) VALUES ('auth', ?)`).run(
        newSecret(),
      );
      const row = db.prepare(`SELECT value FROM ${TABLE.secret} WHERE name = 'auth'`).get();
      return (row as { value: string }).value;
    },
    async close() {
      db.close();
    },
  };
}

function openPostgres(url: string, onConnectionError: (error: Error) => void): AccountsDatabase {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection the server drops (restart, failover) is an event, not a crash: the pool
  // opens a new one on the next query.
  pool.on("error", onConnectionError);
  return {
    kind: "postgres",
    forBetterAuth: pool,
    async exclusively(fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async storedSecret() {
      // Callers hold `exclusively`: concurrent CREATE TABLE IF NOT EXISTS can still collide.
      await pool.query(CREATE_SECRET_TABLE);
      await pool.query(
        `INSERT INTO ${TABLE.secret} (name, value) VALUES ('auth', $1) ON CONFLICT DO NOTHING`,
        [newSecret()],
      );
      const { rows } = await pool.query<{ value: string }>(
        `SELECT value FROM ${TABLE.secret} WHERE name = 'auth'`,
      );
      return rows[0]!.value;
    },
    close: () => pool.end(),
  };
}
