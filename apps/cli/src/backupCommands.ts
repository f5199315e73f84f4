/**
 * `journeymap backup` and `restore`: the whole instance (maps, their histories, links,
 * versions, comments and inboxes, accounts and workspaces, the stored signing secret) as one
 * file, for the SQLite store. The backup is consistent while the server runs; a restore needs
 * it stopped. A PostgreSQL instance is backed up with pg_dump, its own tool (README), or map by
 * map with `journeymap archive --all` from one snapshot.
 *
 *   journeymap backup --data-dir DIR -o FILE
 *   journeymap restore FILE --data-dir DIR [--force]
 */
import { existsSync } from "node:fs";
import {
  backupSqliteStore,
  NotAStoreError,
  restoreSqliteStore,
  storeFileIn,
} from "@journeymap/storage";
import type { StoreLocation } from "./storeLocation.ts";
import { required, UsageError } from "./usageError.ts";

export interface BackupOptions extends StoreLocation {
  /** The backup file (backup: to write; restore: to read), resolved. */
  readonly file: string | undefined;
  readonly force: boolean;
}

const POSTGRES_BACKUP = `a PostgreSQL instance is backed up with its own tools:
  pg_dump --format=custom --file=journeymap.dump "$DATABASE_URL"
  pg_restore --dbname="$NEW_DATABASE_URL" journeymap.dump
or map by map from one snapshot: journeymap archive --database-url URL --all -o FOLDER`;

function sqliteOnly(options: StoreLocation): string {
  if (options.databaseUrl) throw new UsageError(POSTGRES_BACKUP);
  return required(options.dataDir, "--data-dir");
}

export async function runBackup(options: BackupOptions, out: (t: string) => void): Promise<number> {
  const dataDir = sqliteOnly(options);
  const file = required(options.file, "-o FILE");
  const store = storeFileIn(dataDir);
  if (!existsSync(store)) throw new UsageError(`no Journeymap store at ${store}`);
  backupSqliteStore(store, file);
  out(
    `backed up ${store} to ${file}\n(it holds the signing secret and password hashes: keep it as secret as the data folder)\n`,
  );
  return 0;
}

export async function runRestore(
  options: BackupOptions,
  out: (t: string) => void,
): Promise<number> {
  const dataDir = sqliteOnly(options);
  const file = required(options.file, "FILE");
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  try {
    const restored = restoreSqliteStore(file, dataDir, { force: options.force });
    out(
      `restored ${restored.maps} map(s) into ${restored.storeFile}${restored.replaced > 0 ? ` (replacing ${restored.replaced})` : ""}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof NotAStoreError) throw new Error(`${error.message}: nothing was restored`);
    throw error;
  }
}
