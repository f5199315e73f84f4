export { type Config, ConfigError, readConfig } from "./config.ts";
export { createServer, MAX_MESSAGE_BYTES, type RunningServer, SYNC_PATH } from "./createServer.ts";
export { documentNameOf, isMapId, mapIdOf } from "./documentName.ts";
export type { MapRecord, MapStore } from "./store/MapStore.ts";
export { SqliteMapStore } from "./store/SqliteMapStore.ts";
