/**
 * `journeymap`: maps in and out of a server or a store, for scripts and backups.
 *
 *   journeymap export --server URL --map ID --token TOKEN [--comments] [-o FILE]
 *   journeymap export --data-dir DIR (--map ID [-o FILE] | --all -o FOLDER) [--comments]
 *   journeymap import FILE --server URL [--kind json|csv|mermaid] [--title TITLE]
 *   journeymap import FILE --data-dir DIR [--kind …] [--title TITLE]
 *   journeymap validate FILE
 *   journeymap schema
 *   journeymap backup|restore|archive|unarchive … (backupCommands.ts, archiveCommands.ts)
 *   journeymap admin create-user|reset-password|list-users|workspaces|members|… (admin.ts)
 *
 * `runCli` takes its I/O as arguments (a seam for tests); main.ts passes the process's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  describeIssue,
  type ImportPreview,
  IMPORT_KINDS,
  type ImportKind,
  mapFileFromUpdates,
  mapFileJsonSchema,
  previewImport,
  detectImportKind,
  seedFromSnapshot,
  serializeMapFile,
  talkSeedFromThreads,
} from "@journeymap/schema/format";
import type { MapSnapshot } from "@journeymap/schema";
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import { AccessService, createOwnedMap } from "@journeymap/access";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { AdminUsageError, runAdmin } from "./admin.ts";
import { runArchive, runUnarchive } from "./archiveCommands.ts";
import { runBackup, runRestore } from "./backupCommands.ts";
import { exportFromServer, importOnServer } from "./serverApi.ts";
import { required, UsageError } from "./usageError.ts";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now?: () => Date;
  readonly cwd?: string;
  /** What was piped into standard input, or null for a terminal (admin passwords). */
  readonly readStdin?: () => Promise<string | null>;
}

export const USAGE = `Usage:
  journeymap export --server URL --map ID --token TOKEN [--comments] [-o FILE]
  journeymap export --data-dir DIR --map ID [--comments] [-o FILE]
  journeymap export --data-dir DIR --all [--comments] -o FOLDER
  journeymap import FILE --server URL [--kind json|csv|mermaid] [--title TITLE]
  journeymap import FILE --data-dir DIR [--kind json|csv|mermaid] [--title TITLE]
  journeymap validate FILE
  journeymap schema
  journeymap backup --data-dir DIR -o FILE
  journeymap restore FILE --data-dir DIR [--force]
  journeymap archive --data-dir DIR (--map ID -o FILE | --all -o FOLDER)
  journeymap unarchive FILE|FOLDER... --data-dir DIR [--replace]
    (backup and restore: the whole instance, SQLite; archive and unarchive: maps with their
     history, versions, links, comments and inbox, keeping their ids; --database-url URL
     instead of --data-dir for PostgreSQL, whose whole-instance backup is pg_dump's)
  journeymap admin create-user --data-dir DIR --email EMAIL --name NAME [--admin]
  journeymap admin reset-password --data-dir DIR --email EMAIL
  journeymap admin list-users --data-dir DIR
  journeymap admin workspaces --data-dir DIR
  journeymap admin members --data-dir DIR --workspace W
  journeymap admin set-role --data-dir DIR --workspace W --email EMAIL --role admin|member|guest
  journeymap admin remove-member --data-dir DIR --workspace W --email EMAIL
  journeymap admin invite --data-dir DIR --workspace W --email EMAIL --role ROLE [--server URL]
  journeymap admin guest-links --data-dir DIR --workspace W on|off
    (admin: --database-url URL instead of --data-dir for PostgreSQL; a new password is
     read from standard input when piped, else generated and printed once; W is a
     workspace's id, slug or name; invite prints the link to pass on, on --server's URL)
`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * A new map in a store folder, made as the server's import route makes it (createOwnedMap):
 * restores a backup without a running server. The folder must exist; its store is
 * created if it has none. SQLite serialises writers, so a server on the same folder is safe.
 */
async function importIntoStore(
  dataDir: string,
  preview: ImportPreview & { snapshot: MapSnapshot },
  at: Date,
): Promise<{ id: string; title: string; token: string; path: string }> {
  const { snapshot, kind, comments } = preview;
  if (!existsSync(dataDir)) throw new UsageError(`no such folder: ${dataDir}`);
  const store = new SqliteMapStore(storeFileIn(dataDir));
  try {
    const title = snapshot.title.trim() || "Imported journey";
    const now = at.getTime();
    const access = await AccessService.create(store, () => now);
    const { id, token } = await createOwnedMap(store, access, {
      title,
      createdAt: now,
      seed: seedFromSnapshot(snapshot, kind, now),
      talkSeed: comments && comments.length > 0 ? talkSeedFromThreads(comments) : null,
    });
    return { id, title, token, path: `/maps/${id}#token=${token}` };
  } finally {
    await store.close();
  }
}

interface StoreExport {
  readonly map?: string;
  readonly all?: boolean;
  readonly comments?: boolean;
  readonly output?: string;
}

interface StoreExportIo {
  readonly now: () => Date;
  readonly write: (text: string) => void;
  readonly err: (text: string) => void;
  readonly resolve: (p: string) => string;
}

/** `export --data-dir`: one map to a file (or standard output), or every map to a folder. */
async function exportFromStore(dataDir: string, values: StoreExport, io: StoreExportIo) {
  const file = storeFileIn(dataDir);
  // Opening a missing file would create an empty store: refuse instead.
  if (!existsSync(file)) throw new UsageError(`no Journeymap store at ${file}`);
  const store = new SqliteMapStore(file);
  try {
    const ids = values.all
      ? (await store.listMaps()).map((m) => m.id)
      : [required(values.map, "--map (or --all)")];
    const fileOf = async (id: string) =>
      mapFileFromUpdates(
        (await store.loadDocument(mapDocumentName(id))).updates,
        io.now(),
        values.comments ? (await store.loadDocument(talkDocumentName(id))).updates : undefined,
      );
    if (values.all) {
      const folder = io.resolve(required(values.output, "-o FOLDER (with --all)"));
      mkdirSync(folder, { recursive: true });
      for (const id of ids) {
        writeFileSync(
          path.join(folder, `${id}.journeymap.json`),
          serializeMapFile(await fileOf(id)),
        );
      }
      io.err(`exported ${ids.length} map(s) to ${folder}\n`);
      return 0;
    }
    if (!(await store.hasMap(ids[0]!))) throw new UsageError(`no map ${ids[0]} in ${file}`);
    io.write(serializeMapFile(await fileOf(ids[0]!)));
    return 0;
  } finally {
    await store.close();
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  const resolve = (p: string) => path.resolve(io.cwd ?? process.cwd(), p);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        server: { type: "string" },
        map: { type: "string" },
        token: { type: "string" },
        "data-dir": { type: "string" },
        all: { type: "boolean" },
        comments: { type: "boolean" },
        output: { type: "string", short: "o" },
        kind: { type: "string" },
        title: { type: "string" },
        email: { type: "string" },
        name: { type: "string" },
        admin: { type: "boolean" },
        "database-url": { type: "string" },
        workspace: { type: "string" },
        role: { type: "string" },
        force: { type: "boolean" },
        replace: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    const write = (text: string, file = values.output) => {
      if (file) writeFileSync(resolve(file), text);
      else io.out(text);
    };

    if (command === "admin") {
      return await runAdmin(
        rest[0],
        {
          dataDir: values["data-dir"] === undefined ? undefined : resolve(values["data-dir"]),
          databaseUrl: values["database-url"],
          email: values.email,
          name: values.name,
          admin: values.admin === true,
          workspace: values.workspace,
          role: values.role,
          server: values.server,
          args: rest.slice(1),
        },
        { out: io.out, readStdin: io.readStdin ?? (async () => null) },
      );
    }

    const location = {
      dataDir: values["data-dir"] === undefined ? undefined : resolve(values["data-dir"]),
      databaseUrl: values["database-url"],
    };
    if (command === "backup" || command === "restore") {
      const file = command === "backup" ? values.output : rest[0];
      const options = {
        ...location,
        file: file === undefined ? undefined : resolve(file),
        force: values.force === true,
      };
      return command === "backup"
        ? await runBackup(options, io.out)
        : await runRestore(options, io.out);
    }
    if (command === "archive" || command === "unarchive") {
      const options = {
        ...location,
        map: values.map,
        all: values.all === true,
        output: values.output === undefined ? undefined : resolve(values.output),
        replace: values.replace === true,
        files: rest.map(resolve),
      };
      const archiveIo = { out: io.out, err: io.err, now };
      return command === "archive"
        ? await runArchive(options, archiveIo)
        : await runUnarchive(options, archiveIo);
    }

    if (command === "schema") {
      io.out(`${JSON.stringify(mapFileJsonSchema(), null, 2)}\n`);
      return 0;
    }

    if (command === "validate" || command === "import") {
      const file = required(rest[0], "FILE");
      if (!existsSync(resolve(file))) throw new UsageError(`no such file: ${file}`);
      const text = readFileSync(resolve(file), "utf8");
      const kind = (values.kind ?? detectImportKind(text, file)) as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) {
        throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(", ")}`);
      }
      if (command === "validate" || values["data-dir"]) {
        const preview = previewImport(text, kind, values.title ? { title: values.title } : {});
        for (const note of preview.notes) io.err(`note: ${note}\n`);
        if (preview.errors.length > 0 || !preview.snapshot) {
          io.err(`${file}: ${count(preview.errors.length, "problem")}; nothing was imported\n`);
          for (const issue of preview.errors) io.err(`  ${describeIssue(issue)}\n`);
          return 1;
        }
        const s = preview.snapshot;
        if (command === "validate") {
          const threads = preview.comments?.length ?? 0;
          io.out(
            `${file}: valid ${kind}: "${s.title}", ${count(s.phases.length, "phase")}, ${count(s.touchpoints.length, "touchpoint")}, ${count(s.personas.length, "persona")}${threads > 0 ? `, ${count(threads, "comment thread")}` : ""}\n`,
          );
          return 0;
        }
        if (values.server) throw new UsageError("give --server or --data-dir, not both");
        const created = await importIntoStore(
          resolve(values["data-dir"]!),
          { ...preview, snapshot: s },
          now(),
        );
        io.out(`${JSON.stringify(created, null, 2)}\n`);
        return 0;
      }
      const server = required(values.server, "--server (or --data-dir)").replace(/\/+$/, "");
      const imported = await importOnServer(server, {
        text,
        kind,
        fileName: path.basename(file),
        title: values.title,
      });
      if (!imported.ok) {
        io.err(`${imported.message}\n`);
        return 1;
      }
      const created = imported.value;
      io.out(
        `${JSON.stringify({ ...created, url: `${server}/maps/${created.id}#token=${created.token}` }, null, 2)}\n`,
      );
      return 0;
    }

    if (command === "export") {
      const dataDir = values["data-dir"];
      if (dataDir) {
        if (values.server) throw new UsageError("give --server or --data-dir, not both");
        const exportIo = { now, write: (text: string) => write(text), err: io.err, resolve };
        return await exportFromStore(resolve(dataDir), values, exportIo);
      }
      const server = required(values.server, "--server (or --data-dir)").replace(/\/+$/, "");
      const map = required(values.map, "--map");
      const token = required(values.token, "--token");
      const exported = await exportFromServer(server, {
        mapId: map,
        token,
        comments: Boolean(values.comments),
      });
      if (!exported.ok) {
        io.err(`${exported.message}\n`);
        return 1;
      }
      write(exported.value);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The message of a failed command; its exit code: 2 for the command line, else 1. */
function reportFailure(error: unknown, io: CliIo): number {
  if (
    error instanceof UsageError ||
    error instanceof AdminUsageError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    io.err(`journeymap: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    io.err(
      `journeymap: cannot reach the server (${(error.cause as Error)?.message ?? error.message})\n`,
    );
    return 1;
  }
  io.err(`journeymap: ${(error as Error).message}\n`);
  return 1;
}
