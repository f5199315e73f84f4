/**
 * The DocumentLog half of the SQLite store (SqliteMapStore adds the maps and what hangs off
 * them): appends, checkpoints, loads, reads and compaction of documents' logs on one
 * better-sqlite3 connection, synchronous under a Promise API.
 */
import type Database from "better-sqlite3";
import {
  type DocumentLog,
  type LogBounds,
  type LogEntry,
  type LoggedUpdate,
  RETENTION_AUTHOR,
  type StoredState,
  type UpdateRow,
} from "./documentLog.ts";
import { loggedUpdateOf, requireDocumentName, type UpdateRecord } from "./sharedSql.ts";

function logStatements(db: Database.Database) {
  return {
    nextSeq: db.prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM updates WHERE doc = ?"),
    // Positional: binding named parameters from an object costs more per row.
    append: db.prepare(
      `INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    checkpoint: db.prepare(
      "INSERT OR REPLACE INTO checkpoints (doc, upto_seq, state, created_at) VALUES (?, ?, ?, ?)",
    ),
    latestCheckpoint: db.prepare(
      "SELECT upto_seq AS seq, state FROM checkpoints WHERE doc = ? ORDER BY upto_seq DESC LIMIT 1",
    ),
    rowsAfter: db.prepare("SELECT seq, bytes FROM updates WHERE doc = ? AND seq > ? ORDER BY seq"),
    range: db.prepare("SELECT * FROM updates WHERE doc = ? AND seq BETWEEN ? AND ? ORDER BY seq"),
    count: db.prepare("SELECT COUNT(*) AS n FROM updates WHERE doc = ?"),
    logBytesSince: db.prepare(
      "SELECT COALESCE(SUM(length(bytes)), 0) AS n FROM updates WHERE doc = ? AND ts >= ?",
    ),
    // One subquery per end: SQLite answers a lone MIN or MAX from the primary key, but MIN and
    // MAX together read every row of the map (17–100 ms for a 50,000-row log, on every
    // history state request).
    bounds: db.prepare(
      `SELECT COALESCE((SELECT MIN(seq) FROM updates WHERE doc = ?), 0) AS first,
              COALESCE((SELECT MAX(seq) FROM updates WHERE doc = ?), 0) AS last`,
    ),
    rowTs: db.prepare("SELECT ts FROM updates WHERE doc = ? AND seq = ?"),
    deleteRows: db.prepare("DELETE FROM updates WHERE doc = ? AND seq <= ?"),
    insertRow: db.prepare(
      "INSERT INTO updates (doc, seq, ts, author, client_ids, origin, bytes) VALUES (?, ?, ?, ?, '[]', 'server', ?)",
    ),
    dropCheckpoints: db.prepare(
      `DELETE FROM checkpoints WHERE doc = @doc AND upto_seq < (
         SELECT COALESCE(MAX(upto_seq), 0) FROM checkpoints WHERE doc = @doc AND upto_seq <= @upto)`,
    ),
    entries: db.prepare(
      "SELECT seq, ts, author, origin, length(bytes) AS bytes FROM updates WHERE doc = ? AND seq BETWEEN ? AND ? ORDER BY seq",
    ),
  };
}

interface QueuedAppend {
  readonly row: UpdateRow;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

export class SqliteDocumentLog implements DocumentLog {
  protected readonly db: Database.Database;
  private readonly log: ReturnType<typeof logStatements>;
  private queued: QueuedAppend[] = [];

  constructor(db: Database.Database) {
    this.db = db;
    this.log = logStatements(db);
  }

  /**
   * Inside a transaction (createMap's, or appendUpdate's own). Not `INSERT … RETURNING` with
   * `.get()`: better-sqlite3's get() ignores what sqlite3_reset reports, and in autocommit
   * mode that is where a failed commit (SQLITE_FULL on a full disk) shows, so the append
   * looked stored when it was not. `.run()` and the transaction's COMMIT both throw.
   */
  protected appendSync(row: UpdateRow): number {
    requireDocumentName(row.doc);
    return this.insertRow(row, (this.log.nextSeq.get(row.doc) as { seq: number }).seq);
  }

  private insertRow(row: UpdateRow, seq: number): number {
    const { doc, ts, author, clientIds, origin, bytes } = row;
    this.log.append.run(doc, seq, ts, author, JSON.stringify(clientIds), origin, bytes);
    return seq;
  }

  /**
   * A batch's rows inside one transaction: each document's next sequence number is read once
   * and counted on from there (a busy socket's batch holds dozens of rows of one document).
   */
  private appendBatchSync(rows: readonly UpdateRow[]): number[] {
    const next = new Map<string, number>();
    return rows.map((row) => {
      const known = next.get(row.doc);
      const seq = known ?? (this.log.nextSeq.get(row.doc) as { seq: number }).seq;
      next.set(row.doc, seq + 1);
      return this.insertRow(row, seq);
    });
  }

  /**
   * Group commit: appends that arrive in one event-loop turn (hundreds of sockets' edits under
   * fan-out) share one transaction, committed before any of them resolves, so an update is
   * still durable before its acknowledgement. Every other method commits the queue first, so
   * the batching is invisible except in time.
   */
  async appendUpdate(row: UpdateRow): Promise<number> {
    requireDocumentName(row.doc);
    return new Promise((resolve, reject) => {
      if (this.queued.push({ row, resolve, reject }) === 1) setImmediate(() => this.commitQueued());
    });
  }

  protected commitQueued(): void {
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    let seqs: number[];
    try {
      seqs = this.db
        .transaction(() => this.appendBatchSync(batch.map((queued) => queued.row)))
        .immediate();
    } catch {
      // One row's failure must not take the others with it: each again, alone.
      for (const queued of batch) {
        try {
          queued.resolve(this.db.transaction(() => this.appendSync(queued.row)).immediate());
        } catch (error) {
          queued.reject(error);
        }
      }
      return;
    }
    for (const [i, queued] of batch.entries()) queued.resolve(seqs[i] as number);
  }

  async writeCheckpoint(
    doc: string,
    uptoSeq: number,
    state: Uint8Array,
    now: number,
  ): Promise<void> {
    this.commitQueued();
    requireDocumentName(doc);
    this.log.checkpoint.run(doc, uptoSeq, state, now);
  }

  async loadDocument(doc: string): Promise<StoredState> {
    this.commitQueued();
    const checkpoint = this.log.latestCheckpoint.get(doc) as
      | { seq: number; state: Uint8Array }
      | undefined;
    const from = checkpoint?.seq ?? 0;
    const rows = this.log.rowsAfter.all(doc, from) as { seq: number; bytes: Uint8Array }[];
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
    this.commitQueued();
    return (this.log.range.all(doc, fromSeq, toSeq) as UpdateRecord[]).map(loggedUpdateOf);
  }

  async readUpdatesWithin(
    doc: string,
    fromSeq: number,
    toSeq: number,
    maxBytes: number,
  ): Promise<LoggedUpdate[]> {
    this.commitQueued();
    // Stepping through the rows stops reading at the cut (length(bytes) would read them all).
    const out: LoggedUpdate[] = [];
    let bytes = 0;
    for (const row of this.log.range.iterate(doc, fromSeq, toSeq) as Iterable<UpdateRecord>) {
      if (out.length > 0 && bytes + row.bytes.length > maxBytes) break;
      bytes += row.bytes.length;
      out.push(loggedUpdateOf(row));
    }
    return out;
  }

  async countUpdates(doc: string): Promise<number> {
    this.commitQueued();
    return (this.log.count.get(doc) as { n: number }).n;
  }

  async logBounds(doc: string): Promise<LogBounds> {
    this.commitQueued();
    return this.log.bounds.get(doc, doc) as LogBounds;
  }

  async compactLog(doc: string, uptoSeq: number, state: Uint8Array): Promise<void> {
    this.commitQueued();
    this.db.transaction(() => {
      const row = this.log.rowTs.get(doc, uptoSeq) as { ts: number } | undefined;
      if (!row) throw new Error(`compactLog: ${doc} has no row ${uptoSeq}`);
      this.log.deleteRows.run(doc, uptoSeq);
      this.log.insertRow.run(doc, uptoSeq, row.ts, RETENTION_AUTHOR, state);
      this.log.dropCheckpoints.run({ doc, upto: uptoSeq });
    })();
  }

  async readLogEntries(doc: string, fromSeq: number, toSeq: number): Promise<LogEntry[]> {
    this.commitQueued();
    return this.log.entries.all(doc, fromSeq, toSeq) as LogEntry[];
  }

  async logBytesSince(doc: string, sinceTs: number): Promise<number> {
    this.commitQueued();
    return (this.log.logBytesSince.get(doc, sinceTs) as { n: number }).n;
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    this.commitQueued();
    if (this.db.open) this.db.close();
  }
}
