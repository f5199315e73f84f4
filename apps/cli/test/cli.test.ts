/**
 * The CLI against a real server on port 0 and its real SQLite store: export over HTTP and
 * straight from the store file agree, import creates maps, bad input exits non-zero with a
 * message and changes nothing. One test runs the real bin as a child process.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { readMapFile } from "@journeymap/schema/format";
import type { RunningServer } from "@journeymap/server";
import { copyLegacyDataDir } from "@journeymap/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCapturing } from "./runCapturing.ts";
import { serverOn } from "./testServer.ts";

let server: RunningServer;
let url: string;
let dataDir: string;
let work: string;
let mapId: string;
let token: string;

/** How many maps the server's store holds. */
const mapCount = async () => (await server.store.listMaps()).length;

/** Writes a file into the CLI's working folder. */
const writeWork = (name: string, text: string) => writeFileSync(path.join(work, name), text);

const run = (...argv: string[]) => runCapturing(argv, { now: () => new Date(0), cwd: work });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-cli-"));
  work = mkdtempSync(path.join(os.tmpdir(), "journeymap-cli-work-"));
  ({ server, url } = await serverOn(dataDir));
  const res = await fetch(`${url}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title: "Support", template: "support-ticket" }),
  });
  ({ id: mapId, token } = (await res.json()) as { id: string; token: string });
}, 30_000);

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("journeymap export", () => {
  it("writes the same map from the server and from the store file", async () => {
    const http = await run(
      "export",
      "--server",
      url,
      "--map",
      mapId,
      "--token",
      token,
      "-o",
      "a.json",
    );
    expect(http).toMatchObject({ code: 0, err: "" });
    const store = await run("export", "--data-dir", dataDir, "--map", mapId);
    expect(store.code).toBe(0);
    const fromServer = readMapFile(readFileSync(path.join(work, "a.json"), "utf8"));
    const fromStore = readMapFile(store.out);
    expect(fromServer.errors).toEqual([]);
    expect(fromServer.snapshot!.title).toBe("Support");
    expect(fromStore.snapshot).toEqual(fromServer.snapshot);
  });

  it("backs up every map of a store into a folder", async () => {
    const res = await run("export", "--data-dir", dataDir, "--all", "-o", "backup");
    expect(res.code).toBe(0);
    const files = readdirSync(path.join(work, "backup"));
    expect(files).toContain(`${mapId}.journeymap.json`);
    expect(res.err).toBe(`exported ${files.length} map(s) to ${path.join(work, "backup")}\n`);
  });

  it("fails clearly on a bad token, a missing store and missing flags", async () => {
    const bad = await run("export", "--server", url, "--map", mapId, "--token", "nope");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/token/i);
    const missing = await run("export", "--data-dir", path.join(work, "nowhere"), "--map", mapId);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^journeymap: no Journeymap store at /);
    expect((await run("export", "--server", url)).err).toMatch(/^journeymap: --map is required/);
    const down = await run(
      "export",
      "--server",
      "http://127.0.0.1:9",
      "--map",
      "x",
      "--token",
      "t",
    );
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^journeymap: cannot reach the server/);
  });
});

describe("journeymap import and validate", () => {
  it("imports a Mermaid file and prints the new map's link", async () => {
    writeWork("day.mmd", "journey\n title Day\n section Work\n  Code: 4: Me\n");
    const res = await run("import", "day.mmd", "--server", url);
    expect(res.code).toBe(0);
    const created = JSON.parse(res.out) as { id: string; title: string; url: string };
    expect(created.title).toBe("Day");
    expect(created.url).toMatch(new RegExp(`^${url}/maps/${created.id}#token=jm1\\.`));
  });

  it("refuses a CSV with bad rows, listing them, and creates nothing", async () => {
    const before = await mapCount();
    writeWork("bad.csv", "phase,touchpoint,emotion\nA,x,7\n");
    const res = await run("import", "bad.csv", "--server", url);
    expect(res.code).toBe(1);
    expect(res.err).toBe(
      "The CSV file has 1 problem(s); nothing was imported\n" +
        '  row 2: the emotion score "7" is not a whole number from -3 to +3\n',
    );
    expect(await mapCount()).toBe(before);
  });

  it("validates files offline", async () => {
    writeWork("ok.csv", "phase,touchpoint\nA,x\nB,y\n");
    expect((await run("validate", "ok.csv")).out).toBe(
      'ok.csv: valid csv: "Imported journey", 2 phases, 2 touchpoints, 1 persona\n',
    );
    writeWork("bad.json", '{"format":"journeymap","version":1}');
    const bad = await run("validate", "bad.json");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^bad\.json: \d+ problems; nothing was imported\n {2}exportedAt: /);
  });

  it("restores a backup into a store folder, and the running server serves it", async () => {
    const backup = await run("export", "--data-dir", dataDir, "--map", mapId, "-o", "keep.json");
    expect(backup.code).toBe(0);
    const before = await mapCount();
    const res = await run("import", "keep.json", "--data-dir", dataDir);
    expect(res).toMatchObject({ code: 0, err: "" });
    const created = JSON.parse(res.out) as { id: string; title: string; token: string };
    expect(created.title).toBe("Support");
    expect(await mapCount()).toBe(before + 1);
    // The owner token works on the server sharing that folder, and the map is the same.
    const exported = await fetch(`${url}/api/maps/${created.id}/export`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(exported.status).toBe(200);
    const original = readMapFile(readFileSync(path.join(work, "keep.json"), "utf8"));
    expect(readMapFile(await exported.text()).snapshot).toEqual(original.snapshot);
  });

  it("keeps comment threads through a store import and exports them on request", async () => {
    const file = JSON.parse(readFileSync(path.join(work, "keep.json"), "utf8"));
    const phaseId = file.map.phases[0].id as string;
    file.comments = [
      {
        id: "thread1",
        target: { kind: "phase", id: phaseId },
        author: "Ana",
        createdAt: 1_700_000_000_000,
        resolved: null,
        comments: [
          {
            id: "c1",
            author: "Ana",
            text: "Too many steps?",
            mentions: ["Ben"],
            createdAt: 1_700_000_000_000,
          },
        ],
      },
    ];
    writeWork("talked.json", JSON.stringify(file));
    expect((await run("validate", "talked.json")).out).toMatch(/, 1 comment thread\n$/);
    const res = await run("import", "talked.json", "--data-dir", dataDir);
    expect(res.code).toBe(0);
    const { id, token } = JSON.parse(res.out) as { id: string; token: string };

    const fromStore = await run("export", "--data-dir", dataDir, "--map", id, "--comments");
    expect(JSON.parse(fromStore.out).comments).toEqual(file.comments);
    const withoutFlag = await run("export", "--data-dir", dataDir, "--map", id);
    expect(JSON.parse(withoutFlag.out)).not.toHaveProperty("comments");
    const fromServer = await run(
      "export",
      "--server",
      url,
      "--map",
      id,
      "--token",
      token,
      "--comments",
    );
    expect(JSON.parse(fromServer.out).comments).toEqual(file.comments);

    // The store now holds a talk document row too; a backup of every map skips it.
    const all = await run("export", "--data-dir", dataDir, "--all", "-o", "all");
    expect(all.code).toBe(0);
    const names = readdirSync(path.join(work, "all"));
    expect(names).toContain(`${id}.journeymap.json`);
    expect(names.filter((n) => n.startsWith("talk"))).toEqual([]);
  });

  it("imports nothing into a store from a bad file or a missing folder", async () => {
    const before = await mapCount();
    writeWork("bad.mmd", "journey\n section A\n  Task: lots: Me\n");
    const bad = await run("import", "bad.mmd", "--data-dir", dataDir);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'bad.mmd: 1 problem; nothing was imported\n  line 3: the score "lots" of "Task" is not a whole number from 1 to 5\n',
    );
    const nowhere = await run("import", "keep.json", "--data-dir", path.join(work, "nowhere"));
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/^journeymap: no such folder: /);
    expect(await mapCount()).toBe(before);
  });

  // Two Node processes start here: about 1 s each alone, 5 s or more on a loaded 2-core machine.
  it("runs as a real bin: schema to stdout, usage on an unknown command", async () => {
    const main = path.join(import.meta.dirname, "../src/main.ts");
    const exec = promisify(execFile);
    const { stdout } = await exec(process.execPath, [main, "schema"]);
    expect(JSON.parse(stdout).$id).toMatch(/journeymap\.schema\.json$/);
    const failed = await exec(process.execPath, [main, "frobnicate"]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage:/);
  }, 60_000);
});

describe("journeymap --data-dir on a data folder made by an older server", () => {
  it("exports each of its maps once, with comments, and imports into it", async () => {
    const legacy = copyLegacyDataDir();
    try {
      const { map, imported } = legacy.expected;
      const all = await run(
        "export",
        "--data-dir",
        legacy.dataDir,
        "--all",
        "--comments",
        "-o",
        "old",
      );
      expect(all.code).toBe(0);
      expect(readdirSync(path.join(work, "old")).sort()).toEqual(
        [`${map.id}.journeymap.json`, `${imported.id}.journeymap.json`].sort(),
      );
      const file = readMapFile(
        readFileSync(path.join(work, "old", `${map.id}.journeymap.json`), "utf8"),
      );
      expect(file.snapshot?.title).toBe(map.title);
      expect(file.comments?.map((t) => t.id)).toEqual([legacy.expected.threadId]);
      const res = await run(
        "import",
        path.join("old", `${map.id}.journeymap.json`),
        "--data-dir",
        legacy.dataDir,
      );
      expect(res.code).toBe(0);
      const again = await run("export", "--data-dir", legacy.dataDir, "--all", "-o", "old2");
      expect(again.code).toBe(0);
      expect(readdirSync(path.join(work, "old2"))).toHaveLength(3);
    } finally {
      legacy.dispose();
    }
  });
});
