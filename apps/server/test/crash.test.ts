/**
 * "Confirmed is durable": a real server process is killed with SIGKILL right after a client
 * saw its edits confirmed; after a restart on the same data folder every confirmed edit is
 * there. And SIGTERM shuts down cleanly with exit code 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterEach, describe, expect, it } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { connect, createMap, removeDir, tempDir } from "./helpers.ts";
import { createTestDatabase, postgresAvailable } from "./postgres.ts";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/main.ts");
const children: ChildProcess[] = [];
const dirs: string[] = [];
const drops: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) removeDir(d);
  for (const drop of drops.splice(0)) await drop();
});

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}

async function spawnServer(dataDir: string, port: number, databaseUrl?: string) {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  // A deadline, not a count of polls: on a loaded 2-core machine Node takes seconds to start.
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok)
        return { child, url, wsUrl: `ws://127.0.0.1:${port}/sync` };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server did not start");
}

const STORES: Array<[string, boolean]> = [
  ["SQLite", true],
  ["PostgreSQL", await postgresAvailable()],
];

/** A fresh data folder, port and (for PostgreSQL) database, all removed after the test. */
async function storeFor(
  kind: string,
): Promise<{ dataDir: string; port: number; databaseUrl?: string }> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const port = await freePort();
  if (kind !== "PostgreSQL") return { dataDir, port };
  const db = await createTestDatabase();
  drops.push(() => db.drop());
  return { dataDir, port, databaseUrl: db.url };
}

describe.each(STORES)("durability with %s", (kind, available) => {
  it.runIf(available)(
    "keeps every confirmed edit when the process is killed with SIGKILL",
    async () => {
      const { dataDir, port, databaseUrl } = await storeFor(kind);
      let server = await spawnServer(dataDir, port, databaseUrl);
      const mapId = await createMap(server);
      const names: string[] = [];
      for (let round = 0; round < 3; round++) {
        const c = await connect(server, mapDocumentName(mapId));
        const editor = new MapEditor(c.doc);
        const phase = readJourneyMap(c.doc).phases[0]!;
        for (let i = 0; i < 5; i++) {
          const name = `round ${round} step ${i}`;
          editor.addTouchpoint({ phaseId: phase.id, name });
          names.push(name);
        }
        await c.confirmed();
        server.child.kill("SIGKILL"); // right after the confirmation, before any debounced store
        await once(server.child, "exit");
        c.destroy();
        server = await spawnServer(dataDir, port, databaseUrl);
      }
      const check = await connect(server, mapDocumentName(mapId));
      const stored = readJourneyMap(check.doc).touchpoints.map((t) => t.name);
      for (const name of names) expect(stored).toContain(name);
      check.destroy();
    },
    60_000,
  );

  it.runIf(available)(
    "keeps every confirmed edit when killed at random moments while edits keep flowing",
    async () => {
      const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
      let state = seed;
      const random = () => {
        // mulberry32: seeded, so a failure can be replayed with CRASH_SEED
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const { dataDir, port, databaseUrl } = await storeFor(kind);
      let server = await spawnServer(dataDir, port, databaseUrl);
      const mapId = await createMap(server);
      const confirmed: string[] = [];
      for (let round = 0; round < 4; round++) {
        const c = await connect(server, mapDocumentName(mapId));
        const editor = new MapEditor(c.doc);
        const phase = readJourneyMap(c.doc).phases[0]!;
        const sent: string[] = [];
        let confirmedThisRound = 0;
        // Whenever the server has confirmed everything, everything sent so far is durable.
        c.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
          if (number !== 0) return;
          confirmedThisRound += sent.length;
          confirmed.push(...sent.splice(0));
        });
        let i = 0;
        // At most 20 edits await confirmation, so a slow (loaded) server still reaches a moment
        // with everything confirmed; otherwise edits never stop flowing.
        const typing = setInterval(() => {
          if (sent.length >= 20) return;
          const name = `r${round}-${i++}`;
          sent.push(name);
          editor.addTouchpoint({ phaseId: phase.id, name });
        }, 2);
        // Kill at a random moment once this round has some confirmed edits to lose.
        const started = Date.now();
        while (confirmedThisRound < 5 && Date.now() - started < 20_000)
          await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 50 + random() * 350));
        server.child.kill("SIGKILL");
        clearInterval(typing);
        await once(server.child, "exit");
        c.destroy();
        server = await spawnServer(dataDir, port, databaseUrl);
      }
      expect(confirmed.length, `seed ${seed}: some edits were confirmed`).toBeGreaterThan(10);
      const check = await connect(server, mapDocumentName(mapId));
      const stored = new Set(readJourneyMap(check.doc).touchpoints.map((t) => t.name));
      const lost = confirmed.filter((name) => !stored.has(name));
      expect(lost, `seed ${seed}: confirmed edits lost after SIGKILL`).toEqual([]);
      check.destroy();
    },
    120_000,
  );
});

// Spawns the server: seconds on a loaded 2-core machine.
it("shuts down cleanly on SIGTERM", async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const server = await spawnServer(dataDir, await freePort());
  server.child.kill("SIGTERM");
  const [code] = await once(server.child, "exit");
  expect(code).toBe(0);
}, 60_000);
