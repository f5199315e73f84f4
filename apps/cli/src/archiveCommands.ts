/**
 * `journeymap archive` and `unarchive`: maps with everything that makes them theirs (the full
 * history with authors and times, named versions, share links, shares, comments and the
 * evidence inbox) to one file per map and back, keeping their ids, so links already sent out
 * open the restored map wherever the signing key is the same. `--all` reads every map from one
 * snapshot of the store, consistent while a server keeps writing.
 *
 *   journeymap archive (--data-dir DIR | --database-url URL) --map ID -o FILE
 *   journeymap archive (--data-dir DIR | --database-url URL) --all -o FOLDER
 *   journeymap unarchive FILE|FOLDER... (--data-dir DIR | --database-url URL) [--replace]
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MAP_ARCHIVE_SUFFIX, MAX_ARCHIVE_BYTES } from "@journeymap/protocol/archive";
import {
  ArchiveError,
  decodeMapArchive,
  encodeMapArchive,
  MapExistsError,
} from "@journeymap/storage";
import { type StoreLocation, openStoreAt } from "./storeLocation.ts";
import { required, UsageError } from "./usageError.ts";

export interface ArchiveOptions extends StoreLocation {
  readonly map: string | undefined;
  readonly all: boolean;
  /** A file (--map) or a folder (--all), resolved. */
  readonly output: string | undefined;
  readonly replace: boolean;
  /** Files and folders to unarchive, resolved. */
  readonly files: readonly string[];
}

export interface ArchiveIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const archiveFileName = (mapId: string) => `${mapId}${MAP_ARCHIVE_SUFFIX}`;

export async function runArchive(options: ArchiveOptions, io: ArchiveIo): Promise<number> {
  if (options.all === (options.map !== undefined)) throw new UsageError("give --map ID or --all");
  const output = required(options.output, options.all ? "-o FOLDER" : "-o FILE");
  const store = await openStoreAt(options, { create: false });
  try {
    const createdAt = io.now().getTime();
    const written = await store.withSnapshot(async (reader) => {
      const ids = options.all ? await reader.listMapIds() : [options.map!];
      if (options.all) mkdirSync(output, { recursive: true });
      for (const id of ids) {
        const archive = await reader.readMapArchive(id);
        if (!archive) throw new Error(`no map ${id} in the store`);
        const file = options.all ? path.join(output, archiveFileName(id)) : output;
        writeFileSync(file, encodeMapArchive(archive, { createdAt, source: store.kind }));
      }
      return ids.length;
    });
    io.out(`archived ${written} map(s) to ${output}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The archive files named: files as given, folders by their archives' suffix. */
function archiveFiles(given: readonly string[]): string[] {
  if (given.length === 0) throw new UsageError("name the archive FILE (or a FOLDER of them)");
  return given.flatMap((entry) => {
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`no such file: ${entry}`);
    if (!stat.isDirectory()) return [entry];
    return readdirSync(entry)
      .filter((name) => name.endsWith(MAP_ARCHIVE_SUFFIX))
      .sort()
      .map((name) => path.join(entry, name));
  });
}

function readArchive(file: string) {
  if (statSync(file).size > MAX_ARCHIVE_BYTES)
    throw new ArchiveError(`larger than ${MAX_ARCHIVE_BYTES / 1024 / 1024} MiB`);
  return decodeMapArchive(readFileSync(file, "utf8"));
}

/** Restores each archive in its own transaction; one refused does not stop the others. */
export async function runUnarchive(options: ArchiveOptions, io: ArchiveIo): Promise<number> {
  const files = archiveFiles(options.files);
  const store = await openStoreAt(options, { create: true });
  let failed = 0;
  try {
    for (const file of files) {
      try {
        const archive = readArchive(file);
        await store.restoreMapArchive(archive, { replace: options.replace });
        const rows = archive.updates.length;
        io.out(`restored map ${archive.mapId} (${rows} logged edits) from ${file}\n`);
      } catch (error) {
        if (!(error instanceof ArchiveError || error instanceof MapExistsError)) throw error;
        failed++;
        const hint = error instanceof MapExistsError ? " (add --replace to overwrite it)" : "";
        io.err(`journeymap: ${file}: ${error.message}${hint}; not restored\n`);
      }
    }
  } finally {
    await store.close();
  }
  return failed > 0 ? 1 : 0;
}
