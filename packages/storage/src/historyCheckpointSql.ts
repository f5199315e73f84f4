/**
 * History checkpoints (issue 16, R7): the exact state of a map after row `seq` of its log,
 * kept so a restarted server answers any moment from the nearest one instead of replaying the
 * log from row 1 (50 s for a 50,000-edit map on a loaded machine). Apart from the live
 * document's `checkpoints`: those may hold rows still in flight when written (they claim rows
 * by containment), these hold exactly the rows up to their sequence number.
 *
 * Each remembers the time of the row it was built up to (`row_ts`): the history service uses
 * one only while the log still has that row as it was (a compacted or replaced log does not),
 * and drops it otherwise. Purged with the map (MAP_OWNED_TABLES).
 */
import type { SqlRunner } from "./webhookSql.ts";

export interface HistoryCheckpoint {
  readonly seq: number;
  /** The receipt time of row `seq` when the state was built. */
  readonly rowTs: number;
  readonly state: Uint8Array;
}

export interface HistoryCheckpointStore {
  /** Keeps the state after row `seq` (replacing one kept there). */
  put(mapId: string, checkpoint: HistoryCheckpoint): Promise<void>;
  /** The kept checkpoint with the highest `seq` at or below `atMost`, or null. */
  nearest(mapId: string, atMost: number): Promise<HistoryCheckpoint | null>;
  /** Drops the map's checkpoint at `seq` (one found stale). */
  drop(mapId: string, seq: number): Promise<void>;
}

const table = (blob: string) => `CREATE TABLE history_checkpoints (
     map_id TEXT NOT NULL,
     seq BIGINT NOT NULL,
     row_ts BIGINT NOT NULL,
     state ${blob} NOT NULL,
     PRIMARY KEY (map_id, seq)
   );`;
export const SQLITE_HISTORY_CHECKPOINT_TABLES = table("BLOB");
export const POSTGRES_HISTORY_CHECKPOINT_TABLES = table("BYTEA");

/**
 * The runner's queries with a state among their parameters. Both runners hand parameters to
 * their driver as they are, and both drivers take a Buffer for a BLOB / BYTEA (SqlRunner's
 * own parameter type lists no bytes: its stores keep none).
 */
interface BlobRunner {
  all(
    sql: string,
    params: readonly (string | number | Buffer)[],
  ): Promise<Record<string, unknown>[]>;
  run(sql: string, params: readonly (string | number | Buffer)[]): Promise<number>;
}

export class SqlHistoryCheckpointStore implements HistoryCheckpointStore {
  private readonly db: BlobRunner;
  /** ON CONFLICT spelled per database (both accept this form). */
  private readonly upsert = `INSERT INTO history_checkpoints (map_id, seq, row_ts, state)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (map_id, seq) DO UPDATE SET row_ts = excluded.row_ts, state = excluded.state`;

  constructor(db: SqlRunner) {
    this.db = db as unknown as BlobRunner;
  }

  async put(mapId: string, { seq, rowTs, state }: HistoryCheckpoint): Promise<void> {
    const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
    await this.db.run(this.upsert, [mapId, seq, rowTs, bytes]);
  }

  async nearest(mapId: string, atMost: number): Promise<HistoryCheckpoint | null> {
    const [row] = await this.db.all(
      `SELECT seq, row_ts AS "rowTs", state FROM history_checkpoints
       WHERE map_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1`,
      [mapId, atMost],
    );
    if (!row) return null;
    // PostgreSQL returns BIGINT as strings; both drivers return a Buffer for the state.
    const state = row.state as Buffer;
    return {
      seq: Number(row.seq),
      rowTs: Number(row.rowTs),
      state: new Uint8Array(state.buffer, state.byteOffset, state.byteLength),
    };
  }

  async drop(mapId: string, seq: number): Promise<void> {
    await this.db.run("DELETE FROM history_checkpoints WHERE map_id = ? AND seq = ?", [mapId, seq]);
  }
}
