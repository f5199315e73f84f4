/**
 * MapStore on PostgreSQL (node-postgres). Sequence numbers come from a per-map counter row
 * updated in the same transaction as the insert: the row lock serialises appends to one map,
 * also across server instances, so seq is gap-free and in commit order.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  type LinkRecord,
  type LogBounds,
  type LogEntry,
  type LoggedUpdate,
  type MapRecord,
  type MapStore,
  RETENTION_AUTHOR,
  type StoredState,
  type UpdateRow,
  type VersionRecord,
} from "./MapStore.ts";

const STORE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     last_seq BIGINT NOT NULL DEFAULT 0,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE updates (
     doc TEXT NOT NULL REFERENCES maps (id),
     seq BIGINT NOT NULL,
     ts BIGINT NOT NULL,
     author TEXT NOT NULL,
     client_ids JSONB NOT NULL,
     origin TEXT NOT NULL,
     bytes BYTEA NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE checkpoints (
     doc TEXT NOT NULL REFERENCES maps (id),
     upto_seq BIGINT NOT NULL,
     state BYTEA NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (doc, upto_seq)
   );`,
  `CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
   CREATE TABLE links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps (id),
     role TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT,
     revoked_at BIGINT
   );
   CREATE INDEX links_by_map ON links (map_id);`,
  `CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps (id),
     seq BIGINT NOT NULL,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE INDEX versions_by_map ON versions (map_id, seq);`,
];

const VERSION_COLUMNS = `id, map_id AS "mapId", seq, name, created_at AS "createdAt", created_by AS "createdBy"`;

const LINK_COLUMNS = `id, map_id AS "mapId", role, label, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"`;

// BIGINT columns come back as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A row of the `updates` table as pg returns it. */
interface UpdateRecord {
  readonly doc: string;
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
  readonly client_ids: number[];
  readonly origin: string;
  readonly bytes: Buffer;
}

function loggedUpdateOf(r: UpdateRecord): LoggedUpdate {
  return {
    mapId: r.doc,
    seq: r.seq,
    ts: r.ts,
    author: r.author,
    clientIds: r.client_ids,
    origin: r.origin as LoggedUpdate["origin"],
    bytes: new Uint8Array(r.bytes),
  };
}

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
    const store = new PostgresMapStore(pool);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      // One migrator at a time across instances.
      await client.query("SELECT pg_advisory_xact_lock(727274)");
      await client.query(
        "CREATE TABLE IF NOT EXISTS journeymap_store_version (version INT NOT NULL)",
      );
      const { rows } = await client.query<{ version: number }>(
        "SELECT version FROM journeymap_store_version",
      );
      let version = rows[0]?.version ?? 0;
      if (rows.length === 0) await client.query("INSERT INTO journeymap_store_version VALUES (0)");
      for (; version < STORE_MIGRATIONS.length; version++) {
        await client.query(STORE_MIGRATIONS[version]!);
        await client.query("UPDATE journeymap_store_version SET version = $1", [version + 1]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
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

  private async appendWith(client: pg.PoolClient | pg.Pool, row: UpdateRow): Promise<number> {
    const { rows } = await client.query<{ seq: number }>(
      `WITH next AS (
         UPDATE maps SET last_seq = last_seq + 1, updated_at = GREATEST(updated_at, $2) WHERE id = $1 RETURNING last_seq
       )
       INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
       SELECT $1, last_seq, $2, $3, $4, $5, $6 FROM next
       RETURNING seq`,
      [
        row.mapId,
        row.ts,
        row.author,
        JSON.stringify(row.clientIds),
        row.origin,
        Buffer.from(row.bytes),
      ],
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new Error(`No such map: ${row.mapId}`);
    return seq;
  }

  async createMap(id: string, title: string, now: number, seed: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        "INSERT INTO maps (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)",
        [id, title, now],
      );
      await this.appendWith(client, {
        mapId: id,
        ts: now,
        author: "server",
        clientIds: [],
        origin: "server",
        bytes: seed,
      });
    });
  }

  async hasMap(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("SELECT 1 FROM maps WHERE id = $1", [id]);
    return (rowCount ?? 0) > 0;
  }

  async listMaps(): Promise<MapRecord[]> {
    const { rows } = await this.pool.query<MapRecord>(
      `SELECT id, title, created_at AS "createdAt", updated_at AS "updatedAt" FROM maps ORDER BY updated_at DESC, id`,
    );
    return rows;
  }

  async getMaps(ids: readonly string[]): Promise<MapRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<MapRecord>(
      `SELECT id, title, created_at AS "createdAt", updated_at AS "updatedAt" FROM maps WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows;
  }

  async setTitle(id: string, title: string): Promise<void> {
    await this.pool.query("UPDATE maps SET title = $2 WHERE id = $1 AND title <> $2", [id, title]);
  }

  async appendUpdate(row: UpdateRow): Promise<number> {
    // A single statement is its own transaction: the UPDATE's row lock serialises writers.
    return this.appendWith(this.pool, row);
  }

  async writeCheckpoint(
    mapId: string,
    uptoSeq: number,
    state: Uint8Array,
    now: number,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO checkpoints (doc, upto_seq, state, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (doc, upto_seq) DO UPDATE SET state = EXCLUDED.state, created_at = EXCLUDED.created_at`,
      [mapId, uptoSeq, Buffer.from(state), now],
    );
  }

  async loadMap(mapId: string): Promise<StoredState> {
    const cp = await this.pool.query<{ seq: number; state: Buffer }>(
      "SELECT upto_seq AS seq, state FROM checkpoints WHERE doc = $1 ORDER BY upto_seq DESC LIMIT 1",
      [mapId],
    );
    const from = cp.rows[0]?.seq ?? 0;
    const { rows } = await this.pool.query<{ seq: number; bytes: Buffer }>(
      "SELECT seq, bytes FROM updates WHERE doc = $1 AND seq > $2 ORDER BY seq",
      [mapId, from],
    );
    const updates = [...(cp.rows[0] ? [cp.rows[0].state] : []), ...rows.map((r) => r.bytes)].map(
      (b) => new Uint8Array(b),
    );
    return { updates, seq: rows.at(-1)?.seq ?? from, checkpointSeq: from };
  }

  async readUpdates(mapId: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]> {
    const { rows } = await this.pool.query<UpdateRecord>(
      "SELECT * FROM updates WHERE doc = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq",
      [mapId, fromSeq, toSeq],
    );
    return rows.map(loggedUpdateOf);
  }

  async readUpdatesWithin(
    mapId: string,
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
      [mapId, fromSeq, toSeq, maxBytes],
    );
    return rows.map(loggedUpdateOf);
  }

  async countUpdates(mapId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM updates WHERE doc = $1",
      [mapId],
    );
    return rows[0]?.n ?? 0;
  }

  async logBounds(mapId: string): Promise<LogBounds> {
    const { rows } = await this.pool.query<LogBounds>(
      `SELECT COALESCE(MIN(seq), 0)::int AS first, COALESCE(MAX(seq), 0)::int AS last
       FROM updates WHERE doc = $1`,
      [mapId],
    );
    return rows[0] ?? { first: 0, last: 0 };
  }

  async compactLog(mapId: string, uptoSeq: number, state: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ ts: number }>(
        "SELECT ts FROM updates WHERE doc = $1 AND seq = $2",
        [mapId, uptoSeq],
      );
      const ts = rows[0]?.ts;
      if (ts === undefined) throw new Error(`compactLog: ${mapId} has no row ${uptoSeq}`);
      await client.query("DELETE FROM updates WHERE doc = $1 AND seq <= $2", [mapId, uptoSeq]);
      await client.query(
        `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
         VALUES ($1, $2, $3, $4, '[]', 'server', $5)`,
        [mapId, uptoSeq, ts, RETENTION_AUTHOR, Buffer.from(state)],
      );
      await client.query(
        `DELETE FROM checkpoints WHERE doc = $1 AND upto_seq < (
           SELECT COALESCE(MAX(upto_seq), 0) FROM checkpoints WHERE doc = $1 AND upto_seq <= $2)`,
        [mapId, uptoSeq],
      );
    });
  }

  async readLogEntries(mapId: string, fromSeq: number, toSeq: number): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<LogEntry>(
      `SELECT seq, ts, author, origin, octet_length(bytes) AS bytes FROM updates
       WHERE doc = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
      [mapId, fromSeq, toSeq],
    );
    return rows;
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
    const { rowCount } = await this.pool.query(
      "UPDATE versions SET name = $3 WHERE map_id = $1 AND id = $2",
      [mapId, id, name],
    );
    return (rowCount ?? 0) > 0;
  }

  async deleteVersion(mapId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "DELETE FROM versions WHERE map_id = $1 AND id = $2",
      [mapId, id],
    );
    return (rowCount ?? 0) > 0;
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

  async createLink(link: LinkRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO links (id, map_id, role, label, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      [link.id, link.mapId, link.role, link.label, link.createdAt, link.expiresAt, link.revokedAt],
    );
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
    const { rowCount } = await this.pool.query(
      "UPDATE links SET revoked_at = $1 WHERE map_id = $2 AND id = $3 AND revoked_at IS NULL",
      [now, mapId, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async logBytesSince(mapId: string, sinceTs: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      "SELECT COALESCE(SUM(octet_length(bytes)), 0)::text AS n FROM updates WHERE doc = $1 AND ts >= $2",
      [mapId, sinceTs],
    );
    return Number(rows[0]?.n ?? 0);
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
