/** A named moment of a map ("After the workshop, 20 Nov"): the state after row `seq` of its log. */
export interface VersionRecord {
  readonly id: string;
  readonly mapId: string;
  readonly seq: number;
  readonly name: string;
  readonly createdAt: number;
  /** Who named it, from the server's view of the caller's link. */
  readonly createdBy: string;
}

export interface VersionStore {
  /** Named versions of a map, oldest moment first. */
  listVersions(mapId: string): Promise<VersionRecord[]>;
  createVersion(version: VersionRecord): Promise<void>;
  /** False if the map has no such version. */
  renameVersion(mapId: string, id: string, name: string): Promise<boolean>;
  /** False if the map has no such version. */
  deleteVersion(mapId: string, id: string): Promise<boolean>;
}
