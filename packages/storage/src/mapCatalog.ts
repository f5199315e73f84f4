/**
 * The maps: one row per map (its documents' logs are in the DocumentLog). A map belongs to a
 * workspace (accounts), or to none when it was made before accounts (or without signing in)
 * and only its links open it. Trashed maps keep their row until the trash is purged (trash.ts).
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import type { UpdateRow } from "./documentLog.ts";
import type { LinkRecord } from "./linkStore.ts";

export interface MapRecord {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** Server time of the latest logged update of the map document (or creation). */
  readonly updatedAt: number;
  /**
   * Author of the map document's latest row written by a connection (a person; server edits
   * such as migrations at load do not count), null when there is none.
   */
  readonly updatedBy: string | null;
  /** The workspace the map belongs to; null: made before accounts (or without an account). */
  readonly workspaceId: string | null;
  /** The account that created (or claimed) the map; null for maps made by a link alone. */
  readonly createdBy: string | null;
  /** When it was put in the trash; null: not in the trash. */
  readonly deletedAt: number | null;
}

/** A map to create: its row, the first log row of each of its documents, its owner's link. */
export interface NewMap {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** The map document's first row: a template or an imported map. */
  readonly seed: Uint8Array;
  /** The talk document's first row (imported comments), when there is one. */
  readonly talkSeed?: Uint8Array | null;
  /** The owner's share link; its token is signed from it (@journeymap/access). */
  readonly owner: LinkRecord;
  /** The workspace it goes in (null or absent: none, a links-only map). */
  readonly workspaceId?: string | null;
  /** The account creating it (null or absent: made with no account). */
  readonly createdBy?: string | null;
}

export const MAP_SORTS = ["updated", "title", "created"] as const;
export type MapSort = (typeof MAP_SORTS)[number];

/** Which maps a person's map list shows: those of whole workspaces plus single maps. */
export interface MapQuery {
  /** Every map of these workspaces… */
  readonly workspaceIds: readonly string[];
  /** …and these maps wherever they are (shared with the person one by one). */
  readonly mapIds: readonly string[];
  /** The trash (maps with deletedAt) instead of the maps in use. */
  readonly trashed: boolean;
  /** Only titles containing this text, compared case-insensitively. */
  readonly text?: string;
  /** updated: latest edit first; title: A to Z; created: newest first. */
  readonly sort: MapSort;
  readonly limit: number;
}

export interface MapCatalog {
  /** Creates the map, seeds its documents and stores its owner's link, atomically. */
  createMap(map: NewMap): Promise<void>;
  hasMap(id: string): Promise<boolean>;
  /** Every map (never a talk document; trashed ones too), most recently edited first. */
  listMaps(): Promise<MapRecord[]>;
  /** The maps among `ids` that exist, each once, in no particular order: costs O(ids), not O(maps). */
  getMaps(ids: readonly string[]): Promise<MapRecord[]>;
  /** The maps a query selects, sorted and at most `limit` of them. */
  findMaps(query: MapQuery): Promise<MapRecord[]>;
  setTitle(id: string, title: string): Promise<void>;
  /** Puts the map in another workspace; false when there is no such map. */
  moveMap(id: string, workspaceId: string): Promise<boolean>;
  /**
   * Puts a map that belongs to no workspace into one, recording who claimed it (when it has no
   * creator); false when there is no such map or it already belongs to a workspace.
   */
  claimMap(id: string, workspaceId: string, claimedBy: string): Promise<boolean>;
  /** Puts the map in the trash; false when there is no such map or it is there already. */
  trashMap(id: string, now: number): Promise<boolean>;
  /** Takes the map out of the trash; false when it is not in the trash. */
  restoreMap(id: string): Promise<boolean>;
  /** Ids of the maps put in the trash before `ts`, at most `limit`. */
  trashedBefore(ts: number, limit: number): Promise<string[]>;
  /** Deletes the map for good: its row, both documents' logs, links, versions and shares. */
  purgeMap(id: string): Promise<void>;
}

/** The first log rows of a new map's documents, logged as server edits at creation time. */
export function seedRowsOf(map: NewMap): UpdateRow[] {
  if (map.owner.mapId !== map.id) throw new Error(`The owner link of ${map.id} is for another map`);
  const row = (doc: string, bytes: Uint8Array): UpdateRow => ({
    doc,
    ts: map.createdAt,
    author: "server",
    clientIds: [],
    origin: "server",
    bytes,
  });
  return [
    row(mapDocumentName(map.id), map.seed),
    ...(map.talkSeed ? [row(talkDocumentName(map.id), map.talkSeed)] : []),
  ];
}

/** The names of a map's documents, whose logs go with it when it is purged. */
export function documentsOf(mapId: string): readonly string[] {
  return [mapDocumentName(mapId), talkDocumentName(mapId)];
}
