/**
 * Whole-store backup and restore of the SQLite store (the data folder's one file, which holds
 * maps, logs, links, accounts and the signing secret). A backup is `VACUUM INTO`: it reads one
 * snapshot in a single read transaction, so it is consistent while a server keeps writing (WAL
 * readers never block writers, nor are restarted by them as the page-copying backup API is),
 * and the copy is compact. A restore puts such a file in place of a folder's store, never
 * under a running server (SQLite tells: it holds a lock on the file while it has it open).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { storeFileIn } from "./dataDir.ts";

/** How long a backup waits for a writer holding the file (a server's busy moment). */
const BUSY_TIMEOUT_MS = 5000;

/** The store is open in another process (a server): a restore must not swap it. */
export class StoreInUseError extends Error {}
/** The file is not a Journeymap SQLite store, or is damaged. */
export class NotAStoreError extends Error {}

function readStore(file: string): Database.Database {
  try {
    const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const isStore = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'maps'")
      .get();
    if (!isStore) {
      db.close();
      throw new NotAStoreError(`${file} is not a Journeymap store`);
    }
    return db;
  } catch (error) {
    if (error instanceof NotAStoreError) throw error;
    throw new NotAStoreError(`${file} is not a Journeymap store (${(error as Error).message})`);
  }
}

/** Writes a consistent copy of the store in `storeFile` to `destination` (which must not exist). */
export function backupSqliteStore(storeFile: string, destination: string): void {
  if (existsSync(destination)) throw new Error(`${destination} exists: give a new file name`);
  const db = readStore(storeFile);
  const partial = `${destination}.partial`;
  try {
    mkdirSync(path.dirname(destination), { recursive: true });
    rmSync(partial, { force: true });
    db.prepare("VACUUM INTO ?").run(partial);
    renameSync(partial, destination);
  } finally {
    rmSync(partial, { force: true });
    db.close();
  }
}

/**
 * Whether another connection has the store open: taking the file's exclusive lock fails while
 * any does (in WAL mode each holds a shared lock for as long as it is open).
 */
export function isSqliteStoreInUse(storeFile: string): boolean {
  if (!existsSync(storeFile)) return false;
  const db = new Database(storeFile, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Number of maps in a store file (0 when it has none or is not there). */
function mapCount(storeFile: string): number {
  if (!existsSync(storeFile)) return 0;
  const db = readStore(storeFile);
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM maps").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Checks a backup file is a whole, readable store before anything is replaced by it. */
function checkBackup(file: string): void {
  const db = readStore(file);
  try {
    const result = db.pragma("quick_check", { simple: true });
    if (result !== "ok") throw new NotAStoreError(`${file} is damaged: ${String(result)}`);
  } finally {
    db.close();
  }
}

export interface RestoredStore {
  readonly storeFile: string;
  /** Maps in the restored store. */
  readonly maps: number;
  /** Maps the folder's store held before (replaced with force). */
  readonly replaced: number;
}

/**
 * Puts the backup in place of the data folder's store. Refuses a store a server has open,
 * and one holding maps unless `force`. The backup is checked and copied beside the store
 * first, then renamed over it, so a failure leaves the old store as it was.
 */
export function restoreSqliteStore(
  backupFile: string,
  dataDir: string,
  options: { readonly force: boolean },
): RestoredStore {
  checkBackup(backupFile);
  mkdirSync(dataDir, { recursive: true });
  const storeFile = storeFileIn(dataDir);
  if (isSqliteStoreInUse(storeFile))
    throw new StoreInUseError(`a server has ${storeFile} open: stop it before restoring`);
  const replaced = mapCount(storeFile);
  if (replaced > 0 && !options.force)
    throw new Error(
      `${storeFile} holds ${replaced} map(s): restore into an empty data folder, or add --force to replace them`,
    );
  const incoming = `${storeFile}.restoring`;
  copyFileSync(backupFile, incoming);
  // The old store's write-ahead log would be replayed onto the restored file.
  for (const suffix of ["-wal", "-shm"]) rmSync(storeFile + suffix, { force: true });
  renameSync(incoming, storeFile);
  return { storeFile, maps: mapCount(storeFile), replaced };
}
