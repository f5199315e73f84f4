/**
 * The maps: one row per map (its documents' logs are in the DocumentLog). Only maps are
 * listed here; accounts and workspaces will add owner columns to this row, not to the logs.
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
}

export interface MapCatalog {
  /** Creates the map, seeds its documents and stores its owner's link, atomically. */
  createMap(map: NewMap): Promise<void>;
  hasMap(id: string): Promise<boolean>;
  /** Every map (never a talk document), most recently edited first. */
  listMaps(): Promise<MapRecord[]>;
  /** The maps among `ids` that exist, each once, in no particular order: costs O(ids), not O(maps). */
  getMaps(ids: readonly string[]): Promise<MapRecord[]>;
  setTitle(id: string, title: string): Promise<void>;
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
