import type pg from "pg";

/**
 * Runs `fn` on one pooled client between BEGIN (or another opening, such as a snapshot's
 * `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`) and COMMIT; rolls back if it throws.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
