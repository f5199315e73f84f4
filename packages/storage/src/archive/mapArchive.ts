/**
 * A map archive: everything of one map a backup must bring back, as the store holds it: its
 * records (the map row, links, versions, shares, its branch row, votes and ballots, its
 * workspace's settings: every column), both
 * documents' full logs with authors and times, and their latest checkpoints. Restored, the map
 * keeps its id, its links' ids (so tokens already sent out verify again wherever the signing key
 * is the same) and every sequence number (so named versions and the history replay exactly).
 */
import { isMapId } from "@journeymap/protocol";
import type { ArchiveTable, ArchiveValue } from "@journeymap/protocol/archive";
import * as Y from "yjs";
import type { LoggedUpdate } from "../documentLog.ts";
import { documentsOf } from "../mapCatalog.ts";

export type ArchiveRow = Readonly<Record<string, ArchiveValue>>;

export interface ArchivedCheckpoint {
  readonly doc: string;
  readonly uptoSeq: number;
  readonly createdAt: number;
  readonly state: Uint8Array;
}

export interface MapArchive {
  readonly mapId: string;
  /** Rows by table, as stored (snake_case columns). */
  readonly records: Readonly<Record<ArchiveTable, readonly ArchiveRow[]>>;
  /** Both documents' logs, each in sequence order. */
  readonly updates: readonly LoggedUpdate[];
  /** The latest checkpoint of each document that has one. */
  readonly checkpoints: readonly ArchivedCheckpoint[];
}

/** Reads maps' archives, all from one consistent moment of the store. */
export interface ArchiveReader {
  /** Every map's id (trashed ones too). */
  listMapIds(): Promise<string[]>;
  /** Null when there is no such map. */
  readMapArchive(mapId: string): Promise<MapArchive | null>;
}

export interface RestoreOptions {
  /** Replace a map with the same id (its logs, links, versions and shares go) instead of refusing. */
  readonly replace: boolean;
}

/** What SqliteMapStore and PostgresMapStore add for backups (archive/*). */
export interface ArchiveStore {
  /**
   * Runs `fn` over one snapshot of the whole store, so every archive it reads is of the same
   * moment while a server keeps writing. SQLite: one read transaction on this connection
   * (do not write through this store object meanwhile); PostgreSQL: REPEATABLE READ.
   */
  withSnapshot<T>(fn: (reader: ArchiveReader) => Promise<T>): Promise<T>;
  /**
   * Writes the map back, atomically, as it was archived. Throws MapExistsError when the map is
   * there and `replace` is off, and ArchiveError when the archive does not fit this store.
   */
  restoreMapArchive(archive: MapArchive, options: RestoreOptions): Promise<void>;
}

/** An archive that is malformed, inconsistent, or does not fit the store. */
export class ArchiveError extends Error {}

export class MapExistsError extends Error {
  readonly mapId: string;
  constructor(mapId: string) {
    super(`map ${mapId} already exists`);
    this.mapId = mapId;
  }
}

type MapTable = Exclude<ArchiveTable, "workspace_settings">;

/**
 * How each table's rows are tied to the map: the column holding the map's id. A branch's row
 * of map_branches is its own (keyed by the branch's id); the rows naming it as the source
 * belong to its branches' archives.
 */
export const MAP_ID_COLUMN: Readonly<Record<MapTable, string>> = {
  maps: "id",
  links: "map_id",
  versions: "map_id",
  map_shares: "map_id",
  map_branches: "id",
  votes: "map_id",
  vote_ballots: "map_id",
};

/** The column naming each row (a ballot is named by its vote and voter). */
const KEY_COLUMN: Readonly<Record<MapTable, string>> = {
  ...Object.fromEntries(Object.keys(MAP_ID_COLUMN).map((t) => [t, "id"])),
  vote_ballots: "vote_id",
} as Record<MapTable, string>;

function fail(message: string): never {
  throw new ArchiveError(message);
}

/** Checks the archive is one map's and whole: ids agree, logs are ordered and replay. */
export function checkMapArchive(archive: MapArchive): void {
  const { mapId, records } = archive;
  if (!isMapId(mapId)) fail(`"${mapId}" is not a map id`);
  const map = records.maps;
  if (map.length !== 1) fail(`the archive holds ${map.length} map rows, not 1`);
  for (const [table, column] of Object.entries(MAP_ID_COLUMN) as [ArchiveTable, string][]) {
    for (const row of records[table]) {
      if (row[column] !== mapId) fail(`a row of ${table} belongs to another map (${row[column]})`);
      if (typeof row[KEY_COLUMN[table as MapTable]] !== "string")
        fail(`a row of ${table} has no ${KEY_COLUMN[table as MapTable]}`);
    }
  }
  const votes = new Set(records.votes.map((v) => v.id));
  for (const ballot of records.vote_ballots)
    if (!votes.has(ballot.vote_id))
      fail(`a ballot of a vote not in the archive (${ballot.vote_id})`);
  const settings = records.workspace_settings;
  if (settings.length > 1) fail("the archive holds settings of several workspaces");
  if (settings[0] && settings[0].workspace_id !== map[0]!.workspace_id)
    fail("the archived workspace settings are not those of the map's workspace");

  const docs = documentsOf(mapId);
  const lastSeq = new Map<string, number>();
  const firstSeq = new Map<string, number>();
  const replicas = new Map(docs.map((doc) => [doc, new Y.Doc()]));
  for (const update of archive.updates) {
    const replica =
      replicas.get(update.doc) ?? fail(`an update of another document: ${update.doc}`);
    if (update.seq <= (lastSeq.get(update.doc) ?? 0))
      fail(`${update.doc}: row ${update.seq} is out of order`);
    firstSeq.set(update.doc, firstSeq.get(update.doc) ?? update.seq);
    lastSeq.set(update.doc, update.seq);
    try {
      Y.applyUpdate(replica, update.bytes);
    } catch {
      fail(`${update.doc}: row ${update.seq} is not a readable edit`);
    }
  }
  for (const replica of replicas.values()) replica.destroy();
  if (!lastSeq.has(docs[0]!)) fail("the map's own log is empty");
  for (const checkpoint of archive.checkpoints) {
    const first = firstSeq.get(checkpoint.doc);
    const last = lastSeq.get(checkpoint.doc);
    if (
      first === undefined ||
      last === undefined ||
      checkpoint.uptoSeq < first ||
      checkpoint.uptoSeq > last
    )
      fail(`${checkpoint.doc}: a checkpoint at row ${checkpoint.uptoSeq} is outside its log`);
  }
  const mapLast = lastSeq.get(docs[0]!)!;
  for (const version of records.versions)
    if (typeof version.seq !== "number" || version.seq > mapLast)
      fail(`version ${version.id} names a moment after the map's last edit`);
}
