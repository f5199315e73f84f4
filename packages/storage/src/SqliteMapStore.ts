/**
 * MapStore on SQLite (better-sqlite3, synchronous under a Promise API). WAL with
 * synchronous=NORMAL: a committed row survives the process being killed (what "confirmed is
 * durable" needs); FULL would be needed for power loss. One process per file: scale-out
 * needs PostgreSQL. Store-schema migrations run at open (sqliteMigrations.ts).
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
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
import { migrateSqlite } from "./sqliteMigrations.ts";
import {
  LINK_COLUMNS,
  loggedUpdateOf,
  requireDocumentName,
  type UpdateRecord,
  VERSION_COLUMNS,
} from "./sharedSql.ts";
import type { VersionRecord } from "./versionStore.ts";

/** A map with the time of its map document's latest row; `?` is the map document prefix. */
const MAP_COLUMNS = `m.id, m.title, m.created_at AS "createdAt",
  COALESCE((SELECT ts FROM updates u WHERE u.doc = ? || m.id ORDER BY seq DESC LIMIT 1), m.created_at) AS "updatedAt"`;

export class SqliteMapStore implements MapStore {
  readonly kind = "sqlite";
  private readonly db: Database.Database;
  private readonly statements;
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    migrateSqlite(this.db);
    this.statements = {
      createMap: this.db.prepare("INSERT INTO maps (id, title, created_at) VALUES (?, ?, ?)"),
      hasMap: this.db.prepare("SELECT 1 FROM maps WHERE id = ?"),
      listMaps: this.db.prepare(
        `SELECT ${MAP_COLUMNS} FROM maps m ORDER BY "updatedAt" DESC, m.id`,
      ),
      getMaps: this.db.prepare(
        `SELECT ${MAP_COLUMNS} FROM maps m WHERE m.id IN (SELECT value FROM json_each(?))`,
      ),
      setTitle: this.db.prepare("UPDATE maps SET title = ? WHERE id = ? AND title <> ?"),
      nextSeq: this.db.prepare(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM updates WHERE doc = ?",
      ),
      append: this.db.prepare(
        `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
         VALUES (@doc, @seq, @ts, @author, @clientIds, @origin, @bytes)`,
      ),
      checkpoint: this.db.prepare(
        "INSERT OR REPLACE INTO checkpoints (doc, upto_seq, state, created_at) VALUES (?, ?, ?, ?)",
      ),
      latestCheckpoint: this.db.prepare(
        "SELECT upto_seq AS seq, state FROM checkpoints WHERE doc = ? ORDER BY upto_seq DESC LIMIT 1",
      ),
      rowsAfter: this.db.prepare(
        "SELECT seq, bytes FROM updates WHERE doc = ? AND seq > ? ORDER BY seq",
      ),
      range: this.db.prepare(
        "SELECT * FROM updates WHERE doc = ? AND seq BETWEEN ? AND ? ORDER BY seq",
      ),
      count: this.db.prepare("SELECT COUNT(*) AS n FROM updates WHERE doc = ?"),
      logBytesSince: this.db.prepare(
        "SELECT COALESCE(SUM(length(bytes)), 0) AS n FROM updates WHERE doc = ? AND ts >= ?",
      ),
      bounds: this.db.prepare(
        "SELECT COALESCE(MIN(seq), 0) AS first, COALESCE(MAX(seq), 0) AS last FROM updates WHERE doc = ?",
      ),
      rowTs: this.db.prepare("SELECT ts FROM updates WHERE doc = ? AND seq = ?"),
      deleteRows: this.db.prepare("DELETE FROM updates WHERE doc = ? AND seq <= ?"),
      insertRow: this.db.prepare(
        "INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes) VALUES (?, ?, ?, ?, '[]', 'server', ?)",
      ),
      dropCheckpoints: this.db.prepare(
        `DELETE FROM checkpoints WHERE doc = @doc AND upto_seq < (
           SELECT COALESCE(MAX(upto_seq), 0) FROM checkpoints WHERE doc = @doc AND upto_seq <= @upto)`,
      ),
      entries: this.db.prepare(
        "SELECT seq, ts, author, origin, length(bytes) AS bytes FROM updates WHERE doc = ? AND seq BETWEEN ? AND ? ORDER BY seq",
      ),
      listVersions: this.db.prepare(
        `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = ? ORDER BY seq, created_at, id`,
      ),
      createVersion: this.db.prepare(
        "INSERT INTO versions (id, map_id, seq, name, created_at, created_by) VALUES (@id, @mapId, @seq, @name, @createdAt, @createdBy)",
      ),
      renameVersion: this.db.prepare("UPDATE versions SET name = ? WHERE map_id = ? AND id = ?"),
      deleteVersion: this.db.prepare("DELETE FROM versions WHERE map_id = ? AND id = ?"),
      getSecret: this.db.prepare("SELECT value FROM secrets WHERE name = 'signing'"),
      putSecret: this.db.prepare(
        "INSERT OR IGNORE INTO secrets (name, value) VALUES ('signing', ?)",
      ),
      createLink: this.db.prepare(
        "INSERT INTO links (id, map_id, role, label, created_at, expires_at, revoked_at) VALUES (@id, @mapId, @role, @label, @createdAt, @expiresAt, @revokedAt)",
      ),
      getLink: this.db.prepare(`SELECT ${LINK_COLUMNS} FROM links WHERE id = ?`),
      listLinks: this.db.prepare(
        `SELECT ${LINK_COLUMNS} FROM links WHERE map_id = ? ORDER BY created_at, id`,
      ),
      revokeLink: this.db.prepare(
        "UPDATE links SET revoked_at = ? WHERE map_id = ? AND id = ? AND revoked_at IS NULL",
      ),
    };
  }

  async createMap(map: NewMap): Promise<void> {
    const rows = seedRowsOf(map);
    this.db.transaction(() => {
      this.statements.createMap.run(map.id, map.title, map.createdAt);
      for (const row of rows) this.appendSync(row);
      this.statements.createLink.run(map.owner);
    })();
  }

  async hasMap(id: string): Promise<boolean> {
    return this.statements.hasMap.get(id) !== undefined;
  }

  async listMaps(): Promise<MapRecord[]> {
    return this.statements.listMaps.all(DOCUMENT_PREFIX.map) as MapRecord[];
  }

  async getMaps(ids: readonly string[]): Promise<MapRecord[]> {
    if (ids.length === 0) return [];
    return this.statements.getMaps.all(DOCUMENT_PREFIX.map, JSON.stringify(ids)) as MapRecord[];
  }

  async setTitle(id: string, title: string): Promise<void> {
    this.statements.setTitle.run(title, id, title);
  }

  /**
   * Inside a transaction (createMap's, or appendUpdate's own). Not `INSERT … RETURNING` with
   * `.get()`: better-sqlite3's get() ignores what sqlite3_reset reports, and in autocommit
   * mode that is where a failed commit (SQLITE_FULL on a full disk) shows, so the append
   * looked stored when it was not. `.run()` and the transaction's COMMIT both throw.
   */
  private appendSync(row: UpdateRow): number {
    requireDocumentName(row.doc);
    const { seq } = this.statements.nextSeq.get(row.doc) as { seq: number };
    this.statements.append.run({
      doc: row.doc,
      seq,
      ts: row.ts,
      author: row.author,
      clientIds: JSON.stringify(row.clientIds),
      origin: row.origin,
      bytes: row.bytes,
    });
    return seq;
  }

  async appendUpdate(row: UpdateRow): Promise<number> {
    return this.db.transaction(() => this.appendSync(row)).immediate();
  }

  async writeCheckpoint(
    doc: string,
    uptoSeq: number,
    state: Uint8Array,
    now: number,
  ): Promise<void> {
    requireDocumentName(doc);
    this.statements.checkpoint.run(doc, uptoSeq, state, now);
  }

  async loadDocument(doc: string): Promise<StoredState> {
    const checkpoint = this.statements.latestCheckpoint.get(doc) as
      | { seq: number; state: Uint8Array }
      | undefined;
    const from = checkpoint?.seq ?? 0;
    const rows = this.statements.rowsAfter.all(doc, from) as { seq: number; bytes: Uint8Array }[];
    const updates = checkpoint
      ? [checkpoint.state, ...rows.map((r) => r.bytes)]
      : rows.map((r) => r.bytes);
    return {
      updates: updates.map((u) => new Uint8Array(u)),
      seq: rows.at(-1)?.seq ?? from,
      checkpointSeq: from,
    };
  }

  async readUpdates(doc: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]> {
    return (this.statements.range.all(doc, fromSeq, toSeq) as UpdateRecord[]).map(loggedUpdateOf);
  }

  async readUpdatesWithin(
    doc: string,
    fromSeq: number,
    toSeq: number,
    maxBytes: number,
  ): Promise<LoggedUpdate[]> {
    // Stepping through the rows stops reading at the cut (length(bytes) would read them all).
    const out: LoggedUpdate[] = [];
    let bytes = 0;
    for (const row of this.statements.range.iterate(
      doc,
      fromSeq,
      toSeq,
    ) as Iterable<UpdateRecord>) {
      if (out.length > 0 && bytes + row.bytes.length > maxBytes) break;
      bytes += row.bytes.length;
      out.push(loggedUpdateOf(row));
    }
    return out;
  }

  async countUpdates(doc: string): Promise<number> {
    return (this.statements.count.get(doc) as { n: number }).n;
  }

  async logBounds(doc: string): Promise<LogBounds> {
    return this.statements.bounds.get(doc) as LogBounds;
  }

  async compactLog(doc: string, uptoSeq: number, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      const row = this.statements.rowTs.get(doc, uptoSeq) as { ts: number } | undefined;
      if (!row) throw new Error(`compactLog: ${doc} has no row ${uptoSeq}`);
      this.statements.deleteRows.run(doc, uptoSeq);
      this.statements.insertRow.run(doc, uptoSeq, row.ts, RETENTION_AUTHOR, state);
      this.statements.dropCheckpoints.run({ doc, upto: uptoSeq });
    })();
  }

  async readLogEntries(doc: string, fromSeq: number, toSeq: number): Promise<LogEntry[]> {
    return this.statements.entries.all(doc, fromSeq, toSeq) as LogEntry[];
  }

  async logBytesSince(doc: string, sinceTs: number): Promise<number> {
    return (this.statements.logBytesSince.get(doc, sinceTs) as { n: number }).n;
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    return this.statements.listVersions.all(mapId) as VersionRecord[];
  }

  async createVersion(version: VersionRecord): Promise<void> {
    this.statements.createVersion.run(version);
  }

  async renameVersion(mapId: string, id: string, name: string): Promise<boolean> {
    return this.statements.renameVersion.run(name, mapId, id).changes > 0;
  }

  async deleteVersion(mapId: string, id: string): Promise<boolean> {
    return this.statements.deleteVersion.run(mapId, id).changes > 0;
  }

  async getSecret(): Promise<Uint8Array> {
    this.statements.putSecret.run(randomBytes(32));
    return new Uint8Array((this.statements.getSecret.get() as { value: Uint8Array }).value);
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.statements.createLink.run(link);
  }

  async getLink(id: string): Promise<LinkRecord | null> {
    return (this.statements.getLink.get(id) as LinkRecord | undefined) ?? null;
  }

  async listLinks(mapId: string): Promise<LinkRecord[]> {
    return this.statements.listLinks.all(mapId) as LinkRecord[];
  }

  async revokeLink(mapId: string, id: string, now: number): Promise<boolean> {
    return this.statements.revokeLink.run(now, mapId, id).changes > 0;
  }

  async storeBytes(): Promise<number> {
    if (this.file === ":memory:") return 0;
    const size = (suffix: string) =>
      statSync(this.file + suffix, { throwIfNoEntry: false })?.size ?? 0;
    return size("") + size("-wal");
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
