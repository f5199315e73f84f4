/**
 * A PostgreSQL connection lost while a transaction holds it (the server restarted, a failover,
 * the network): the transaction fails with an error, and the process does not crash. pg reports
 * the loss on the checked-out client, which had no listener: the process died of an uncaught
 * "Connection terminated unexpectedly" (CI, apps/server's store outage test).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../src/postgresTransaction.ts";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../src/testing/index.ts";

const available = await postgresAvailable();

describe.skipIf(!available)("PostgreSQL transactions", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let admin: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pool.on("error", () => {});
    admin = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await admin?.end();
    await db?.drop();
  });

  it("a connection lost inside a transaction fails it, without an uncaught error", async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      const lost = inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
        // The loss arrives between queries, while nothing of pg's is waiting on this client.
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await expect(lost).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
      // The pool gave the broken client up: the next transaction works.
      await expect(
        inTransaction(pool, async (c) => (await c.query("SELECT 1 AS one")).rows[0]),
      ).resolves.toEqual({ one: 1 });
    } finally {
      process.off("uncaughtException", record);
    }
  });
});
