/**
 * The log of one document: an append-only list of Yjs updates plus checkpoints of the full
 * state. Loading a document = latest checkpoint + later rows. A document is named as on the
 * wire (`map:<id>`, `talk:<id>`: @journeymap/protocol), so a map's journey and its comments
 * each have their own log and neither poses as a map.
 */
import type { LogEntry } from "@journeymap/schema";

/** One update to append to a document's log. */
export interface UpdateRow {
  /** The document's wire name: `map:<id>` or `talk:<id>`. */
  readonly doc: string;
  /** Server receipt time, ms since the epoch. */
  readonly ts: number;
  /** Who wrote it, from the server's view of the connection; never claimed by the client. */
  readonly author: string;
  /** Yjs client ids whose structs the update carries. */
  readonly clientIds: readonly number[];
  /** "connection" (a client), "server" (server-side edits: seeding, migrations, API). */
  readonly origin: "connection" | "server";
  readonly bytes: Uint8Array;
}

export interface LoggedUpdate extends UpdateRow {
  readonly seq: number;
}

export interface StoredState {
  /** Checkpoint state (or null) followed by later log rows, in order. */
  readonly updates: readonly Uint8Array[];
  /** The highest sequence number included. 0 for an empty document. */
  readonly seq: number;
  /** The sequence number the checkpoint covers (0 without one). */
  readonly checkpointSeq: number;
}

/** The first and last logged sequence numbers ({0, 0} for an empty log). */
export interface LogBounds {
  readonly first: number;
  readonly last: number;
}

/** One log row's metadata (size, not bytes): what the history timeline reads (schema). */
export type { LogEntry } from "@journeymap/schema";

/** The author of the row that stands for a compacted start of the log. */
export const RETENTION_AUTHOR = "retention";

export interface DocumentLog {
  /**
   * Appends one update durably (committed when the promise resolves) and returns its
   * sequence number: 1, 2, 3… per document, in commit order. Throws for a name that is not
   * a document's.
   */
  appendUpdate(row: UpdateRow): Promise<number>;
  /** Stores a checkpoint of the full state that includes every row up to `uptoSeq`. */
  writeCheckpoint(doc: string, uptoSeq: number, state: Uint8Array, now: number): Promise<void>;
  /** Latest checkpoint + later rows (empty for a document never written). */
  loadDocument(doc: string): Promise<StoredState>;
  /** Log rows in a sequence range (inclusive), for history and tests. */
  readUpdates(doc: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]>;
  /**
   * Log rows from `fromSeq` on, up to `toSeq` and while their updates total at most `maxBytes`,
   * but always the first row there is (alone if larger), so a reader paging on moves on. Rows
   * past the cut are not loaded: one request cannot pull a whole log of large rows into memory.
   */
  readUpdatesWithin(
    doc: string,
    fromSeq: number,
    toSeq: number,
    maxBytes: number,
  ): Promise<LoggedUpdate[]>;
  /** Number of log rows. */
  countUpdates(doc: string): Promise<number>;
  /** `first` is above 1 once retention has compacted the start of the log into one row. */
  logBounds(doc: string): Promise<LogBounds>;
  /**
   * Retention: replaces rows `first..uptoSeq` by a single row at `uptoSeq` holding `state` (their
   * merge; author "retention") and drops checkpoints older than the latest one at or before
   * `uptoSeq`, atomically. The state and every later moment are unchanged; moments before
   * `uptoSeq` can no longer be replayed.
   */
  compactLog(doc: string, uptoSeq: number, state: Uint8Array): Promise<void>;
  /** Log rows without their bytes (sizes only), for history timelines over long logs. */
  readLogEntries(doc: string, fromSeq: number, toSeq: number): Promise<LogEntry[]>;
  /** Bytes of updates logged at or after `sinceTs` (a map's daily quota). */
  logBytesSince(doc: string, sinceTs: number): Promise<number>;
}
