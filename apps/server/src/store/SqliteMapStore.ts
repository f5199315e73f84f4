/**
 * MapStore on SQLite (better-sqlite3, synchronous). WAL with synchronous=NORMAL: a committed
 * row survives the process being killed (what "confirmed is durable" needs); use FULL for
 * power-loss durability. Schema migrations for the store itself run at open, by user_version.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MapRecord, MapStore, StoredState, UpdateRow } from "./MapStore.ts";

const STORE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE updates (
     doc TEXT NOT NULL,
     seq INTEGER NOT NULL,
     ts INTEGER NOT NULL,
     author TEXT NOT NULL,
     client_ids TEXT NOT NULL,
     origin TEXT NOT NULL,
     bytes BLOB NOT NULL,
     PRIMARY KEY (doc, seq)
   ) WITHOUT ROWID;
   CREATE TABLE checkpoints (
     doc TEXT NOT NULL,
     upto_seq INTEGER NOT NULL,
     state BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (doc, upto_seq)
   ) WITHOUT ROWID;`,
];

export class SqliteMapStore implements MapStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    this.statements = {
      createMap: this.db.prepare("INSERT INTO maps (id, title, created_at) VALUES (?, ?, ?)"),
      hasMap: this.db.prepare("SELECT 1 FROM maps WHERE id = ?"),
      listMaps: this.db.prepare(
        `SELECT m.id, m.title, m.created_at AS createdAt,
           COALESCE((SELECT ts FROM updates u WHERE u.doc = m.id ORDER BY seq DESC LIMIT 1), m.created_at) AS updatedAt
         FROM maps m ORDER BY updatedAt DESC, m.id`,
      ),
      setTitle: this.db.prepare("UPDATE maps SET title = ? WHERE id = ? AND title <> ?"),
      append: this.db.prepare(
        `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
         VALUES (@doc, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates WHERE doc = @doc), @ts, @author, @clientIds, @origin, @bytes)
         RETURNING seq`,
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
      count: this.db.prepare("SELECT COUNT(*) AS n FROM updates WHERE doc = ?"),
    };
  }

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    for (let v = version; v < STORE_MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(STORE_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  createMap(id: string, title: string, now: number, seed: Uint8Array): void {
    this.db.transaction(() => {
      this.statements.createMap.run(id, title, now);
      this.appendUpdate({
        mapId: id,
        ts: now,
        author: "server",
        clientIds: [],
        origin: "server",
        bytes: seed,
      });
    })();
  }

  hasMap(id: string): boolean {
    return this.statements.hasMap.get(id) !== undefined;
  }

  listMaps(): MapRecord[] {
    return this.statements.listMaps.all() as MapRecord[];
  }

  setTitle(id: string, title: string): void {
    this.statements.setTitle.run(title, id, title);
  }

  appendUpdate(row: UpdateRow): number {
    const result = this.statements.append.get({
      doc: row.mapId,
      ts: row.ts,
      author: row.author,
      clientIds: JSON.stringify(row.clientIds),
      origin: row.origin,
      bytes: row.bytes,
    }) as { seq: number };
    return result.seq;
  }

  writeCheckpoint(mapId: string, uptoSeq: number, state: Uint8Array, now: number): void {
    this.statements.checkpoint.run(mapId, uptoSeq, state, now);
  }

  loadMap(mapId: string): StoredState {
    const checkpoint = this.statements.latestCheckpoint.get(mapId) as
      | { seq: number; state: Uint8Array }
      | undefined;
    const from = checkpoint?.seq ?? 0;
    const rows = this.statements.rowsAfter.all(mapId, from) as { seq: number; bytes: Uint8Array }[];
    const updates = checkpoint
      ? [checkpoint.state, ...rows.map((r) => r.bytes)]
      : rows.map((r) => r.bytes);
    return { updates, seq: rows.at(-1)?.seq ?? from };
  }

  countUpdates(mapId: string): number {
    return (this.statements.count.get(mapId) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
