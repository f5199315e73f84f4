/**
 * The webhook tables (one migration for both stores: the types are common to SQLite and
 * PostgreSQL) and the one WebhookStore over both, written against a small runner. Queries use
 * `?` placeholders, each value once and in order; PostgreSQL's runner numbers them.
 */
import type {
  AttemptResult,
  DeliveryRecord,
  DeliveryState,
  WebhookPatch,
  WebhookRecord,
  WebhookStore,
} from "./webhookStore.ts";

export const WEBHOOK_TABLES = `CREATE TABLE webhooks (
     id TEXT PRIMARY KEY,
     map_id TEXT,
     workspace_id TEXT,
     url TEXT NOT NULL,
     secret TEXT NOT NULL,
     events TEXT NOT NULL,
     description TEXT NOT NULL,
     enabled BOOLEAN NOT NULL,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE INDEX webhooks_by_map ON webhooks (map_id);
   CREATE INDEX webhooks_by_workspace ON webhooks (workspace_id);
   CREATE TABLE webhook_deliveries (
     id TEXT PRIMARY KEY,
     hook_id TEXT NOT NULL,
     map_id TEXT NOT NULL,
     event TEXT NOT NULL,
     payload TEXT NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     next_attempt_at BIGINT,
     response_code INTEGER,
     error TEXT,
     duration_ms INTEGER,
     created_at BIGINT NOT NULL
   );
   CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
   CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (hook_id, created_at);
   CREATE INDEX webhook_deliveries_by_map ON webhook_deliveries (map_id);`;

type Row = Record<string, unknown>;
type Value = string | number | boolean | null;

/** What the store needs of a database: rows of a query, and how it spells two things. */
export interface SqlRunner {
  all(sql: string, params: readonly Value[]): Promise<Row[]>;
  /** Rows changed. */
  run(sql: string, params: readonly Value[]): Promise<number>;
  /** SQLite binds 1/0, PostgreSQL true/false. */
  readonly bool: (value: boolean) => Value;
  /** Row locking for claims: PostgreSQL skips rows another instance is claiming. */
  readonly skipLocked: string;
}

const HOOK_COLUMNS = `id, map_id AS "mapId", workspace_id AS "workspaceId", url, secret, events,
  description, enabled, created_at AS "createdAt", created_by AS "createdBy"`;
const DELIVERY_COLUMNS = `id, hook_id AS "hookId", map_id AS "mapId", event, payload, status,
  attempts, next_attempt_at AS "nextAttemptAt", response_code AS "responseCode", error,
  duration_ms AS "durationMs", created_at AS "createdAt"`;

function hookOf(row: Row): WebhookRecord {
  return {
    ...(row as unknown as WebhookRecord),
    events: JSON.parse(String(row.events)) as string[],
    enabled: Boolean(row.enabled),
  };
}

function deliveryOf(row: Row): DeliveryRecord {
  return { ...(row as unknown as DeliveryRecord), status: row.status as DeliveryState };
}

export class SqlWebhookStore implements WebhookStore {
  private readonly db: SqlRunner;

  constructor(db: SqlRunner) {
    this.db = db;
  }

  async createWebhook(h: WebhookRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO webhooks (id, map_id, workspace_id, url, secret, events, description, enabled,
         created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        h.id,
        h.mapId,
        h.workspaceId,
        h.url,
        h.secret,
        JSON.stringify(h.events),
        h.description,
        this.db.bool(h.enabled),
        h.createdAt,
        h.createdBy,
      ],
    );
  }

  async listWebhooks(owner: { mapId: string } | { workspaceId: string }) {
    const [column, id] =
      "mapId" in owner ? ["map_id", owner.mapId] : ["workspace_id", owner.workspaceId];
    const rows = await this.db.all(
      `SELECT ${HOOK_COLUMNS} FROM webhooks WHERE ${column} = ? ORDER BY created_at, id`,
      [id],
    );
    return rows.map(hookOf);
  }

  async getWebhook(id: string): Promise<WebhookRecord | null> {
    const [row] = await this.db.all(`SELECT ${HOOK_COLUMNS} FROM webhooks WHERE id = ?`, [id]);
    return row ? hookOf(row) : null;
  }

  async updateWebhook(id: string, patch: WebhookPatch): Promise<WebhookRecord | null> {
    const before = await this.getWebhook(id);
    if (!before) return null;
    const after = { ...before, ...patch };
    await this.db.run(
      "UPDATE webhooks SET url = ?, events = ?, description = ?, enabled = ? WHERE id = ?",
      [after.url, JSON.stringify(after.events), after.description, this.db.bool(after.enabled), id],
    );
    return after;
  }

  async deleteWebhook(id: string): Promise<boolean> {
    await this.db.run("DELETE FROM webhook_deliveries WHERE hook_id = ?", [id]);
    return (await this.db.run("DELETE FROM webhooks WHERE id = ?", [id])) > 0;
  }

  async hooksFor(mapId: string, workspaceId: string | null, event: string) {
    const rows = await this.db.all(
      `SELECT ${HOOK_COLUMNS} FROM webhooks WHERE enabled = ? AND (map_id = ? OR workspace_id = ?)
       ORDER BY created_at, id`,
      [this.db.bool(true), mapId, workspaceId],
    );
    return rows.map(hookOf).filter((h) => h.events.includes(event));
  }

  async enqueueDeliveries(deliveries: readonly DeliveryRecord[]): Promise<void> {
    for (const d of deliveries)
      await this.db.run(
        `INSERT INTO webhook_deliveries (id, hook_id, map_id, event, payload, status, attempts,
           next_attempt_at, response_code, error, duration_ms, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          d.id,
          d.hookId,
          d.mapId,
          d.event,
          d.payload,
          d.status,
          d.attempts,
          d.nextAttemptAt,
          d.responseCode,
          d.error,
          d.durationMs,
          d.createdAt,
        ],
      );
  }

  async claimDueDeliveries(now: number, leaseUntil: number, limit: number) {
    // The outer `next_attempt_at <= ?` is checked again on a row another instance just leased
    // (PostgreSQL re-reads a row it waited for), so a delivery is claimed once.
    const rows = await this.db.all(
      `UPDATE webhook_deliveries SET next_attempt_at = ?
       WHERE status = 'pending' AND next_attempt_at <= ? AND id IN (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ? ${this.db.skipLocked})
       RETURNING ${DELIVERY_COLUMNS}`,
      [leaseUntil, now, now, limit],
    );
    return rows.map(deliveryOf);
  }

  async recordAttempt(id: string, r: AttemptResult): Promise<void> {
    await this.db.run(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?,
         response_code = ?, error = ?, duration_ms = ? WHERE id = ?`,
      [r.status, r.attempts, r.nextAttemptAt, r.responseCode, r.error, r.durationMs, id],
    );
  }

  async releaseDelivery(id: string, at: number): Promise<void> {
    await this.db.run(
      "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending'",
      [at, id],
    );
  }

  async getDelivery(id: string): Promise<DeliveryRecord | null> {
    const [row] = await this.db.all(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = ?`,
      [id],
    );
    return row ? deliveryOf(row) : null;
  }

  async listDeliveries(hookId: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db.all(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE hook_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      [hookId, limit],
    );
    return rows.map(deliveryOf);
  }

  async pruneDeliveries(hookId: string, keep: number): Promise<void> {
    await this.db.run(
      `DELETE FROM webhook_deliveries WHERE hook_id = ? AND status <> 'pending' AND id NOT IN (
         SELECT id FROM webhook_deliveries WHERE hook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
      [hookId, hookId, keep],
    );
  }

  async nextDueAt(): Promise<number | null> {
    const [row] = await this.db.all(
      `SELECT MIN(next_attempt_at) AS "at" FROM webhook_deliveries WHERE status = 'pending'`,
      [],
    );
    const at = row?.at;
    return at === null || at === undefined ? null : Number(at);
  }
}

/** SQLite through better-sqlite3 (statements prepared once each). */
export function sqliteRunner(db: import("better-sqlite3").Database): SqlRunner {
  const prepared = new Map<string, import("better-sqlite3").Statement>();
  const statement = (sql: string) => {
    const known = prepared.get(sql);
    if (known) return known;
    const made = db.prepare(sql);
    prepared.set(sql, made);
    return made;
  };
  return {
    all: async (sql, params) => statement(sql).all(...params) as Row[],
    run: async (sql, params) => statement(sql).run(...params).changes,
    bool: (value) => (value ? 1 : 0),
    skipLocked: "",
  };
}

/** PostgreSQL through a pool: `?` become `$1`, `$2`… */
export function postgresRunner(pool: import("pg").Pool): SqlRunner {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async (sql, params) => (await pool.query(numbered(sql), [...params])).rows as Row[],
    run: async (sql, params) => (await pool.query(numbered(sql), [...params])).rowCount ?? 0,
    bool: (value) => value,
    skipLocked: "FOR UPDATE SKIP LOCKED",
  };
}
