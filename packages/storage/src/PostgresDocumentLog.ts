/**
 * The DocumentLog half of the PostgreSQL store (PostgresMapStore adds the maps and what hangs
 * off them). Sequence numbers come from a per-document counter row (`documents`) updated in the
 * same statement as the insert: the row lock serialises appends to one document, also across
 * server instances, so seq is gap-free and in commit order.
 */
import type pg from "pg";
import {
  type DocumentLog,
  type LogBounds,
  type LogEntry,
  type LoggedUpdate,
  RETENTION_AUTHOR,
  type StoredState,
  type UpdateRow,
} from "./documentLog.ts";
import { inTransaction } from "./postgresTransaction.ts";
import { loggedUpdateOf, requireDocumentName, type UpdateRecord } from "./sharedSql.ts";

export class PostgresDocumentLog implements DocumentLog {
  protected readonly pool: pg.Pool;

  protected constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  protected async appendWith(client: pg.PoolClient | pg.Pool, row: UpdateRow): Promise<number> {
    requireDocumentName(row.doc);
    const { rows } = await client.query<{ seq: number }>(
      `WITH next AS (
         INSERT INTO documents (name, last_seq, updated_at) VALUES ($1, 1, $2)
         ON CONFLICT (name) DO UPDATE SET last_seq = documents.last_seq + 1,
           updated_at = GREATEST(documents.updated_at, EXCLUDED.updated_at)
         RETURNING last_seq
       )
       INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
       SELECT $1, last_seq, $2, $3, $4, $5, $6 FROM next
       RETURNING seq`,
      [
        row.doc,
        row.ts,
        row.author,
        JSON.stringify(row.clientIds),
        row.origin,
        Buffer.from(row.bytes),
      ],
    );
    return rows[0]!.seq;
  }

  async appendUpdate(row: UpdateRow): Promise<number> {
    // A single statement is its own transaction: the counter's row lock serialises writers.
    return this.appendWith(this.pool, row);
  }

  async writeCheckpoint(
    doc: string,
    uptoSeq: number,
    state: Uint8Array,
    now: number,
  ): Promise<void> {
    requireDocumentName(doc);
    await this.pool.query(
      `INSERT INTO checkpoints (doc, upto_seq, state, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (doc, upto_seq) DO UPDATE SET state = EXCLUDED.state, created_at = EXCLUDED.created_at`,
      [doc, uptoSeq, Buffer.from(state), now],
    );
  }

  async loadDocument(doc: string): Promise<StoredState> {
    const cp = await this.pool.query<{ seq: number; state: Buffer }>(
      "SELECT upto_seq AS seq, state FROM checkpoints WHERE doc = $1 ORDER BY upto_seq DESC LIMIT 1",
      [doc],
    );
    const from = cp.rows[0]?.seq ?? 0;
    const { rows } = await this.pool.query<{ seq: number; bytes: Buffer }>(
      "SELECT seq, bytes FROM updates WHERE doc = $1 AND seq > $2 ORDER BY seq",
      [doc, from],
    );
    const updates = [...(cp.rows[0] ? [cp.rows[0].state] : []), ...rows.map((r) => r.bytes)].map(
      (b) => new Uint8Array(b),
    );
    return { updates, seq: rows.at(-1)?.seq ?? from, checkpointSeq: from };
  }

  async readUpdates(doc: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]> {
    const { rows } = await this.pool.query<UpdateRecord>(
      "SELECT * FROM updates WHERE doc = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq",
      [doc, fromSeq, toSeq],
    );
    return rows.map(loggedUpdateOf);
  }

  async readUpdatesWithin(
    doc: string,
    fromSeq: number,
    toSeq: number,
    maxBytes: number,
  ): Promise<LoggedUpdate[]> {
    // octet_length reads a stored value's size without its bytes: rows past the cut stay on disk.
    const { rows } = await this.pool.query<UpdateRecord>(
      `SELECT doc, seq, ts, author, client_ids, origin, bytes FROM (
         SELECT u.*, SUM(octet_length(bytes)) OVER (ORDER BY seq) AS running
         FROM updates u WHERE doc = $1 AND seq BETWEEN $2 AND $3
       ) r WHERE running <= $4 OR running = octet_length(bytes) ORDER BY seq`,
      [doc, fromSeq, toSeq, maxBytes],
    );
    return rows.map(loggedUpdateOf);
  }

  async countUpdates(doc: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM updates WHERE doc = $1",
      [doc],
    );
    return rows[0]?.n ?? 0;
  }

  async logBounds(doc: string): Promise<LogBounds> {
    const { rows } = await this.pool.query<LogBounds>(
      `SELECT COALESCE(MIN(seq), 0)::int AS first, COALESCE(MAX(seq), 0)::int AS last
       FROM updates WHERE doc = $1`,
      [doc],
    );
    return rows[0] ?? { first: 0, last: 0 };
  }

  async compactLog(doc: string, uptoSeq: number, state: Uint8Array): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ ts: number }>(
        "SELECT ts FROM updates WHERE doc = $1 AND seq = $2",
        [doc, uptoSeq],
      );
      const ts = rows[0]?.ts;
      if (ts === undefined) throw new Error(`compactLog: ${doc} has no row ${uptoSeq}`);
      await client.query("DELETE FROM updates WHERE doc = $1 AND seq <= $2", [doc, uptoSeq]);
      await client.query(
        `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
         VALUES ($1, $2, $3, $4, '[]', 'server', $5)`,
        [doc, uptoSeq, ts, RETENTION_AUTHOR, Buffer.from(state)],
      );
      await client.query(
        `DELETE FROM checkpoints WHERE doc = $1 AND upto_seq < (
           SELECT COALESCE(MAX(upto_seq), 0) FROM checkpoints WHERE doc = $1 AND upto_seq <= $2)`,
        [doc, uptoSeq],
      );
    });
  }

  async readLogEntries(doc: string, fromSeq: number, toSeq: number): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<LogEntry>(
      `SELECT seq, ts, author, origin, octet_length(bytes) AS bytes FROM updates
       WHERE doc = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
      [doc, fromSeq, toSeq],
    );
    return rows;
  }

  async logBytesSince(doc: string, sinceTs: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      "SELECT COALESCE(SUM(octet_length(bytes)), 0)::text AS n FROM updates WHERE doc = $1 AND ts >= $2",
      [doc, sinceTs],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Runs a statement; true if it changed a row. */
  protected async changed(sql: string, values: readonly unknown[]): Promise<boolean> {
    const { rowCount } = await this.pool.query(sql, [...values]);
    return (rowCount ?? 0) > 0;
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
