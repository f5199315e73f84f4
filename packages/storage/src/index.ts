/**
 * The store of maps and their documents' logs: the contract (small interfaces, one object per
 * backend), SQLite and PostgreSQL implementations, and history retention. Node-only; knows
 * nothing of Hocuspocus, HTTP or React.
 */
export * from "./dataDir.ts";
export * from "./documentLog.ts";
export type * from "./linkStore.ts";
export type { MapCatalog, MapRecord, NewMap } from "./mapCatalog.ts";
export type * from "./mapStore.ts";
export * from "./PostgresMapStore.ts";
export * from "./retention.ts";
export * from "./SqliteMapStore.ts";
export type * from "./versionStore.ts";
