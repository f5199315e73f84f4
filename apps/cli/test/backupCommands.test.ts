/**
 * `journeymap backup|restore|archive|unarchive` on real SQLite stores (the data folder made by
 * an old release, with edits, a version, links and comments): archives move maps whole between
 * folders, bad archives and command lines are refused with a message and change nothing, and
 * PostgreSQL's whole-instance backup is pointed to pg_dump. The server end to end, on both
 * stores, is apps/server/test/backupRestore.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { copyLegacyDataDir, type LegacyDataDir } from "@journeymap/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCapturing } from "./runCapturing.ts";

let legacy: LegacyDataDir;
let work: string;
const run = (...argv: string[]) => runCapturing(argv, { now: () => new Date(0), cwd: work });

beforeAll(() => {
  legacy = copyLegacyDataDir();
  work = mkdtempSync(path.join(os.tmpdir(), "journeymap-cli-backup-"));
});

afterAll(() => {
  legacy.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** What a restore must bring back of a map, read through the store's API. */
async function mapIn(dataDir: string, mapId: string) {
  const store = new SqliteMapStore(storeFileIn(dataDir));
  try {
    return {
      maps: (await store.getMaps([mapId])).map((m) => [m.id, m.title, m.updatedBy]),
      links: await store.listLinks(mapId),
      versions: await store.listVersions(mapId),
      map: await store.readUpdates(mapDocumentName(mapId), 0, 1e9),
      talk: await store.readUpdates(talkDocumentName(mapId), 0, 1e9),
    };
  } finally {
    await store.close();
  }
}

describe("journeymap archive and unarchive", () => {
  it("moves every map with its log, versions, links and comments into another data folder", async () => {
    const archived = await run("archive", "--data-dir", legacy.dataDir, "--all", "-o", "archives");
    expect(archived.code, archived.err).toBe(0);
    expect(archived.out).toMatch(/archived 2 map\(s\)/);
    expect(readdirSync(path.join(work, "archives")).sort()).toEqual(
      [legacy.expected.map.id, legacy.expected.imported.id]
        .map((id) => `${id}.jmarchive.jsonl`)
        .sort(),
    );

    const restored = await run("unarchive", "archives", "--data-dir", "restored");
    expect(restored.code, restored.err).toBe(0);
    for (const { id } of [legacy.expected.map, legacy.expected.imported]) {
      const before = await mapIn(legacy.dataDir, id);
      expect(before.map.length).toBeGreaterThan(0);
      expect(await mapIn(path.join(work, "restored"), id)).toEqual(before);
    }
    const { version, editorLink, map } = legacy.expected;
    const after = await mapIn(path.join(work, "restored"), map.id);
    expect(after.map.length).toBeGreaterThan(1);
    expect(after.versions).toEqual([version]);
    expect(after.links).toContainEqual(expect.objectContaining(editorLink));
    expect(after.talk.length).toBeGreaterThan(0);

    const again = await run("unarchive", "archives", "--data-dir", "restored");
    expect(again.code).toBe(1);
    expect(again.err).toContain(`map ${map.id} already exists (add --replace to overwrite it)`);
    expect(await run("unarchive", "archives", "--data-dir", "restored", "--replace")).toMatchObject(
      {
        code: 0,
      },
    );
  });

  it("refuses a damaged archive, naming the line, and writes nothing of it", async () => {
    const { id } = legacy.expected.map;
    expect(
      await run("archive", "--data-dir", legacy.dataDir, "--map", id, "-o", "one.jsonl"),
    ).toMatchObject({ code: 0 });
    const lines = readFileSync(path.join(work, "one.jsonl"), "utf8").trimEnd().split("\n");
    const at = lines.findIndex((l) => l.includes('"kind":"update"'));
    lines[at] = lines[at]!.replace(/"bytes":"[^"]*"/, '"bytes":"not base64!"');
    writeFileSync(path.join(work, "bad.jsonl"), `${lines.join("\n")}\n`);
    const refused = await run("unarchive", "bad.jsonl", "--data-dir", "fresh");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`line ${at + 1}: bytes`);
    const store = new SqliteMapStore(storeFileIn(path.join(work, "fresh")));
    try {
      expect(await store.hasMap(id)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("refuses command lines it cannot follow, with the usage", async () => {
    expect(await run("archive", "--data-dir", legacy.dataDir, "-o", "x")).toMatchObject({
      code: 2,
    });
    expect((await run("archive", "--data-dir", "nowhere", "--all", "-o", "x")).err).toMatch(
      /no Journeymap store at/,
    );
    expect((await run("unarchive", "--data-dir", "fresh")).err).toMatch(/name the archive FILE/);
    expect(
      (await run("archive", "--data-dir", legacy.dataDir, "--map", "no-such-map", "-o", "x")).err,
    ).toMatch(/no map no-such-map/);
  });
});

describe("journeymap backup and restore", () => {
  it("copies the whole store to one file and back into an empty data folder", async () => {
    const backedUp = await run("backup", "--data-dir", legacy.dataDir, "-o", "instance.sqlite");
    expect(backedUp.code, backedUp.err).toBe(0);
    expect(backedUp.out).toMatch(/keep it as secret as the data folder/);
    const restored = await run("restore", "instance.sqlite", "--data-dir", "from-backup");
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/restored 2 map\(s\)/);
    const { id } = legacy.expected.map;
    expect(await mapIn(path.join(work, "from-backup"), id)).toEqual(
      await mapIn(legacy.dataDir, id),
    );
  });

  it("refuses a file that is no store, and sends PostgreSQL to pg_dump", async () => {
    writeFileSync(path.join(work, "notes.txt"), "not a database");
    const refused = await run("restore", "notes.txt", "--data-dir", "empty");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not a Journeymap store.*nothing was restored/);
    const postgres = await run(
      "backup",
      "--database-url",
      "postgres://x@127.0.0.1/none",
      "-o",
      "pg.dump",
    );
    expect(postgres.code).toBe(2);
    expect(postgres.err).toMatch(/pg_dump --format=custom/);
    expect(postgres.err).toMatch(/journeymap archive --database-url URL --all/);
  });
});
