/**
 * The persistence contract: an append-only log of Yjs updates per map plus checkpoints of
 * the full state, and the list of maps. Loading a map = latest checkpoint + later rows.
 * SQLite implements it now; PostgreSQL will implement the same contract (same tests).
 */
export interface MapRecord {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** Server time of the latest logged update (or creation). */
  readonly updatedAt: number;
}

export interface UpdateRow {
  readonly mapId: string;
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

export interface StoredState {
  /** Checkpoint state (or null) followed by later log rows, in order. */
  readonly updates: readonly Uint8Array[];
  /** The highest sequence number included. 0 for an empty map. */
  readonly seq: number;
  /** The sequence number the checkpoint covers (0 without one). */
  readonly checkpointSeq: number;
}

export interface MapStore {
  /** "sqlite" or "postgres", for logs and health. */
  readonly kind: string;
  /** Creates a map and logs its seed state as the first row, atomically. */
  createMap(id: string, title: string, now: number, seed: Uint8Array): Promise<void>;
  hasMap(id: string): Promise<boolean>;
  listMaps(): Promise<MapRecord[]>;
  /** The maps among `ids` that exist, each once, in no particular order: costs O(ids), not O(maps). */
  getMaps(ids: readonly string[]): Promise<MapRecord[]>;
  setTitle(id: string, title: string): Promise<void>;
  /**
   * Appends one update durably (committed when the promise resolves) and returns its
   * sequence number: 1, 2, 3… per map, in commit order.
   */
  appendUpdate(row: UpdateRow): Promise<number>;
  /** Stores a checkpoint of the full state that includes every row up to `uptoSeq`. */
  writeCheckpoint(mapId: string, uptoSeq: number, state: Uint8Array, now: number): Promise<void>;
  /** Latest checkpoint + later rows. Throws CorruptMapError when stored bytes are unusable. */
  loadMap(mapId: string): Promise<StoredState>;
  /** Log rows of a map in a sequence range (inclusive), for history and tests. */
  readUpdates(mapId: string, fromSeq: number, toSeq: number): Promise<LoggedUpdate[]>;
  /**
   * Log rows from `fromSeq` on, up to `toSeq` and while their updates total at most `maxBytes`,
   * but always the first row there is (alone if larger), so a reader paging on moves on. Rows
   * past the cut are not loaded: one request cannot pull a whole log of large rows into memory.
   */
  readUpdatesWithin(
    mapId: string,
    fromSeq: number,
    toSeq: number,
    maxBytes: number,
  ): Promise<LoggedUpdate[]>;
  /** Number of log rows of a map. */
  countUpdates(mapId: string): Promise<number>;
  /**
   * The first and last logged sequence numbers ({0, 0} for an empty log). `first` is above 1
   * once retention has compacted the start of the log into one row.
   */
  logBounds(mapId: string): Promise<LogBounds>;
  /**
   * Retention: replaces rows `first..uptoSeq` by a single row at `uptoSeq` holding `state` (their
   * merge; author "retention") and drops checkpoints older than the latest one at or before
   * `uptoSeq`, atomically. The map's state and every later moment are unchanged; moments before
   * `uptoSeq` can no longer be replayed.
   */
  compactLog(mapId: string, uptoSeq: number, state: Uint8Array): Promise<void>;
  /** Log rows without their bytes (sizes only), for history timelines over long logs. */
  readLogEntries(mapId: string, fromSeq: number, toSeq: number): Promise<LogEntry[]>;
  /** Named versions of a map (a name for a sequence number), oldest moment first. */
  listVersions(mapId: string): Promise<VersionRecord[]>;
  createVersion(version: VersionRecord): Promise<void>;
  /** False if the map has no such version. */
  renameVersion(mapId: string, id: string, name: string): Promise<boolean>;
  /** False if the map has no such version. */
  deleteVersion(mapId: string, id: string): Promise<boolean>;
  /** The server's signing secret, created on first use and shared by every instance. */
  getSecret(): Promise<Uint8Array>;
  createLink(link: LinkRecord): Promise<void>;
  getLink(id: string): Promise<LinkRecord | null>;
  listLinks(mapId: string): Promise<LinkRecord[]>;
  /** Marks a link revoked; false if there was no such live link. */
  revokeLink(mapId: string, id: string, now: number): Promise<boolean>;
  /** Bytes of updates a map logged at or after `sinceTs` (its daily quota, quota/MapUsage.ts). */
  logBytesSince(mapId: string, sinceTs: number): Promise<number>;
  /** Bytes the store occupies (SQLite: its files; PostgreSQL: the database), for MAX_STORE_BYTES. */
  storeBytes(): Promise<number>;
  /** Cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A share link or API token issued for a map; tokens name their link so it can be revoked. */
export interface LinkRecord {
  readonly id: string;
  readonly mapId: string;
  /** owner, editor, commenter, viewer, or api. */
  readonly role: string;
  readonly label: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

/** A named moment of a map ("After the workshop, 20 Nov"): the state after row `seq`. */
export interface LogBounds {
  readonly first: number;
  readonly last: number;
}

/** The author of the row that stands for a compacted start of the log. */
export const RETENTION_AUTHOR = "retention";

export interface VersionRecord {
  readonly id: string;
  readonly mapId: string;
  readonly seq: number;
  readonly name: string;
  readonly createdAt: number;
  /** Who named it, from the server's view of the caller's link. */
  readonly createdBy: string;
}

/** One log row's metadata: what the history timeline needs, without the update itself. */
export interface LogEntry {
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
  readonly origin: string;
  /** Size of the update in bytes. */
  readonly bytes: number;
}

export interface LoggedUpdate extends UpdateRow {
  readonly seq: number;
}

export class CorruptMapError extends Error {
  override name = "CorruptMapError";
}
