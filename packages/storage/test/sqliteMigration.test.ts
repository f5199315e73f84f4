/**
 * The SQLite store opens a data folder made by `main` at 7dfef97 (logs under bare map ids,
 * talk documents posing as maps) and migrates it forward, atomically.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteMapStore, storeFileIn } from "../src/index.ts";
import { SQLITE_STORE_VERSION } from "../src/sqliteMigrations.ts";
import { copyLegacyDataDir, type LegacyDataDir } from "../src/testing/index.ts";
import { expectMigrated } from "./legacyChecks.ts";

let legacy: LegacyDataDir;
afterEach(() => legacy.dispose());

/** What the file says without the store's help: schema version, map rows, log keys. */
function rawState(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma("user_version", { simple: true }),
      maps: (db.prepare("SELECT id FROM maps ORDER BY id").all() as { id: string }[]).map(
        (r) => r.id,
      ),
      keys: (
        db.prepare("SELECT DISTINCT doc FROM updates ORDER BY doc").all() as { doc: string }[]
      ).map((r) => r.doc),
    };
  } finally {
    db.close();
  }
}

describe("a data folder made by main at 7dfef97", () => {
  it("opens with every map listed once and its documents, versions, links and history intact", async () => {
    legacy = copyLegacyDataDir();
    const file = storeFileIn(legacy.dataDir);
    const { map, imported } = legacy.expected;
    expect(rawState(file).maps).toContain(talkDocumentName(imported.id));
    const store = new SqliteMapStore(file);
    await expectMigrated(store, legacy.expected);
    await store.close();

    const raw = rawState(file);
    expect(raw.version).toBe(SQLITE_STORE_VERSION);
    expect(raw.maps).toEqual([map.id, imported.id].sort());
    expect(raw.keys.every((key) => key.includes(":"))).toBe(true);
    // Opening again migrates nothing more.
    const reopened = new SqliteMapStore(file);
    expect((await reopened.listMaps()).length).toBe(2);
    expect(await reopened.countUpdates(mapDocumentName(map.id))).toBe(5);
    await reopened.close();
  });

  it("reopens fine after a process was killed in the middle of migrating it", async () => {
    legacy = copyLegacyDataDir();
    const file = storeFileIn(legacy.dataDir);
    const before = rawState(file);
    const script = fileURLToPath(new URL("./killedMidMigration.ts", import.meta.url));
    const killed = await promisify(execFile)(process.execPath, [script, file]).catch(
      (error: { signal?: string }) => error,
    );
    expect(killed).toMatchObject({ signal: "SIGKILL" });
    expect(rawState(file)).toEqual(before); // nothing of the migration was committed

    const store = new SqliteMapStore(file);
    await expectMigrated(store, legacy.expected);
    await store.close();
  }, 60_000);
});
