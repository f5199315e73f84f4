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
  // pg reports a connection lost while a client is checked out on that client, where the pool
  // listens no more: unheard, it is an uncaught error that ends the process. The query under
  // way (or the next one) fails anyway; the broken client is given back to be destroyed.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on("error", onLost);
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.removeListener("error", onLost);
    client.release(lost);
  }
}
