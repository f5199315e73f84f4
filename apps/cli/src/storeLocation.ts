/**
 * Where a backup command finds the store: a data folder (SQLite) or a PostgreSQL URL, one of
 * the two, as the server's DATA_DIR and DATABASE_URL.
 */
import { existsSync, mkdirSync } from "node:fs";
import {
  type ArchiveStore,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "@journeymap/storage";
import { required, UsageError } from "./usageError.ts";

export interface StoreLocation {
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
}

export type BackupStore = MapStore & ArchiveStore;

/**
 * Opens the store. A missing SQLite store is refused (opening would create an empty one)
 * unless `create`, for restoring into a new data folder.
 */
export async function openStoreAt(
  location: StoreLocation,
  options: { readonly create: boolean },
): Promise<BackupStore> {
  if (location.dataDir && location.databaseUrl)
    throw new UsageError("give --data-dir or --database-url, not both");
  if (location.databaseUrl) return PostgresMapStore.open(location.databaseUrl);
  const dataDir = required(location.dataDir, "--data-dir (or --database-url)");
  const file = storeFileIn(dataDir);
  if (!existsSync(file)) {
    if (!options.create) throw new UsageError(`no Journeymap store at ${file}`);
    mkdirSync(dataDir, { recursive: true });
  }
  return new SqliteMapStore(file);
}
