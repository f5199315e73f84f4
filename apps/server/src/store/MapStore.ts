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
}

export interface MapStore {
  /** Creates a map and logs its seed state as the first row, atomically. */
  createMap(id: string, title: string, now: number, seed: Uint8Array): void;
  hasMap(id: string): boolean;
  listMaps(): MapRecord[];
  setTitle(id: string, title: string): void;
  /** Appends one update durably (on disk when this returns) and returns its sequence number. */
  appendUpdate(row: UpdateRow): number;
  /** Stores a checkpoint of the full state that includes every row up to `uptoSeq`. */
  writeCheckpoint(mapId: string, uptoSeq: number, state: Uint8Array, now: number): void;
  loadMap(mapId: string): StoredState;
  /** Number of log rows of a map (for tests and metrics). */
  countUpdates(mapId: string): number;
  close(): void;
}

export class CorruptMapError extends Error {
  override name = "CorruptMapError";
}
