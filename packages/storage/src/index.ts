/**
 * The store of maps and their documents' logs: the contract (small interfaces, one object per
 * backend), SQLite and PostgreSQL implementations, history retention and the trash's purge.
 * Node-only; knows nothing of Hocuspocus, HTTP or React.
 */
export * from "./archive/mapArchive.ts";
export { decodeMapArchive, encodeMapArchive } from "./archive/mapArchiveFile.ts";
export * from "./dataDir.ts";
export * from "./documentLog.ts";
export type * from "./lastChangedStore.ts";
export type * from "./linkStore.ts";
export {
  MAP_SORTS,
  type MapCatalog,
  type MapQuery,
  type MapRecord,
  type MapSort,
  type NewMap,
} from "./mapCatalog.ts";
export type * from "./mapStore.ts";
export * from "./PostgresMapStore.ts";
export * from "./periodic.ts";
export * from "./retention.ts";
export type * from "./shareStore.ts";
export * from "./sqliteBackup.ts";
export * from "./SqliteMapStore.ts";
export * from "./trash.ts";
export type * from "./versionStore.ts";
export * from "./workspaceSettings.ts";
export type * from "./webhookStore.ts";
export type * from "./voteStore.ts";
export type * from "./branchStore.ts";
export type { HistoryCheckpoint, HistoryCheckpointStore } from "./historyCheckpointSql.ts";
export type * from "./libraryStore.ts";
export * from "./searchStore.ts";
export type * from "./libraryOpportunityStore.ts";
export type * from "./libraryPersonaStore.ts";
