/**
 * MapStore on PostgreSQL (node-postgres). Sequence numbers come from a per-document counter
 * row (`documents`) updated in the same statement as the insert: the row lock serialises
 * appends to one document, also across server instances, so seq is gap-free and in commit
 * order. Store-schema migrations run at open (postgresMigrations.ts).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import {
  type LogBounds,
  type LogEntry,
  type LoggedUpdate,
  RETENTION_AUTHOR,
  type StoredState,
  type UpdateRow,
} from "./documentLog.ts";
import type { LinkRecord } from "./linkStore.ts";
import { type MapRecord, type NewMap, seedRowsOf } from "./mapCatalog.ts";
import type { MapStore } from "./mapStore.ts";
import { migratePostgres } from "./postgresMigrations.ts";
import { inTransaction } from "./postgresTransaction.ts";
import {
  LINK_COLUMNS,
  loggedUpdateOf,
  requireDocumentName,
  type UpdateRecord,
  VERSION_COLUMNS,
} from "./sharedSql.ts";
import type { VersionRecord } from "./versionStore.ts";

// BIGINT columns come back as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A map with the time of its map document's latest row; $1 is the map document prefix. */
const MAPS = `SELECT m.id, m.title, m.created_at AS "createdAt",
  COALESCE(d.updated_at, m.created_at) AS "updatedAt"
  FROM maps m LEFT JOIN documents d ON d.name = $1::text || m.id`;

export class PostgresMapStore implements MapStore {
  readonly kind = "postgres";
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(connectionString: string): Promise<PostgresMapStore> {
    const pool = new pg.Pool({ connectionString, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it and the next query reports any real outage.
    pool.on("error", () => {});
    await migratePostgres(pool);
    return new PostgresMapStore(pool);
  }

  private async appendWith(client: pg.PoolClient | pg.Pool, row: UpdateRow): Promise<number> {
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

  async createMap(map: NewMap): Promise<void> {
    const rows = seedRowsOf(map);
    await inTransaction(this.pool, async (client) => {
      await client.query("INSERT INTO maps (id, title, created_at) VALUES ($1, $2, $3)", [
        map.id,
        map.title,
        map.createdAt,
      ]);
      for (const row of rows) await this.appendWith(client, row);
      await this.insertLink(client, map.owner);
    });
  }

  async hasMap(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("SELECT 1 FROM maps WHERE id = $1", [id]);
    return (rowCount ?? 0) > 0;
  }

  async listMaps(): Promise<MapRecord[]> {
    const { rows } = await this.pool.query<MapRecord>(`${MAPS} ORDER BY "updatedAt" DESC, m.id`, [
      DOCUMENT_PREFIX.map,
    ]);
    return rows;
  }

  async getMaps(ids: readonly string[]): Promise<MapRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<MapRecord>(`${MAPS} WHERE m.id = ANY($2::text[])`, [
      DOCUMENT_PREFIX.map,
      ids,
    ]);
    return rows;
  }

  async setTitle(id: string, title: string): Promise<void> {
    await this.pool.query("UPDATE maps SET title = $2 WHERE id = $1 AND title <> $2", [id, title]);
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

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRecord>(
      `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = $1 ORDER BY seq, created_at, id`,
      [mapId],
    );
    return rows;
  }

  async createVersion(v: VersionRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO versions (id, map_id, seq, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
      [v.id, v.mapId, v.seq, v.name, v.createdAt, v.createdBy],
    );
  }

  async renameVersion(mapId: string, id: string, name: string): Promise<boolean> {
    return this.changed("UPDATE versions SET name = $3 WHERE map_id = $1 AND id = $2", [
      mapId,
      id,
      name,
    ]);
  }

  async deleteVersion(mapId: string, id: string): Promise<boolean> {
    return this.changed("DELETE FROM versions WHERE map_id = $1 AND id = $2", [mapId, id]);
  }

  async getSecret(): Promise<Uint8Array> {
    await this.pool.query(
      "INSERT INTO secrets (name, value) VALUES ('signing', $1) ON CONFLICT DO NOTHING",
      [randomBytes(32)],
    );
    const { rows } = await this.pool.query<{ value: Buffer }>(
      "SELECT value FROM secrets WHERE name = 'signing'",
    );
    return new Uint8Array(rows[0]!.value);
  }

  private async insertLink(client: pg.PoolClient | pg.Pool, link: LinkRecord): Promise<void> {
    await client.query(
      "INSERT INTO links (id, map_id, role, label, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      [link.id, link.mapId, link.role, link.label, link.createdAt, link.expiresAt, link.revokedAt],
    );
  }

  async createLink(link: LinkRecord): Promise<void> {
    await this.insertLink(this.pool, link);
  }

  async getLink(id: string): Promise<LinkRecord | null> {
    const { rows } = await this.pool.query<LinkRecord>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listLinks(mapId: string): Promise<LinkRecord[]> {
    const { rows } = await this.pool.query<LinkRecord>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE map_id = $1 ORDER BY created_at, id`,
      [mapId],
    );
    return rows;
  }

  async revokeLink(mapId: string, id: string, now: number): Promise<boolean> {
    return this.changed(
      "UPDATE links SET revoked_at = $1 WHERE map_id = $2 AND id = $3 AND revoked_at IS NULL",
      [now, mapId, id],
    );
  }

  /** Runs a statement; true if it changed a row. */
  private async changed(sql: string, values: readonly unknown[]): Promise<boolean> {
    const { rowCount } = await this.pool.query(sql, [...values]);
    return (rowCount ?? 0) > 0;
  }

  async storeBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      "SELECT pg_database_size(current_database())::text AS n",
    );
    return Number(rows[0]?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
