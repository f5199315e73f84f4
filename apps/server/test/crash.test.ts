/**
 * "Confirmed is durable": a real server process is killed with SIGKILL right after a client
 * saw its edits confirmed; after a restart on the same data folder every confirmed edit is
 * there. And SIGTERM shuts down cleanly with exit code 0.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { type ServerProcess, startServerProcess } from "@journeymap/testkit";
import { describe, expect, it, onTestFinished } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { createMap } from "./support/maps.ts";
import { connect } from "./support/clients.ts";
import { createTestDatabase, postgresAvailable } from "@journeymap/storage/testing";

const STORES: Array<[string, boolean]> = [
  ["SQLite", true],
  ["PostgreSQL", await postgresAvailable()],
];

/** The server as a child process on a fresh data folder (and database), removed after the test. */
async function spawnServer(kind: string): Promise<ServerProcess> {
  const env: Record<string, string> = {};
  if (kind === "PostgreSQL") {
    const db = await createTestDatabase();
    onTestFinished(() => db.drop());
    env.DATABASE_URL = db.url;
  }
  const server = await startServerProcess({ env });
  onTestFinished(() => server.dispose());
  return server;
}

/** A client on the map, adding steps to its first phase. */
async function stepWriter(server: ServerProcess, mapId: string) {
  const client = await connect(server, mapDocumentName(mapId));
  const editor = new MapEditor(client.doc);
  const phaseId = readJourneyMap(client.doc).phases[0]!.id;
  return { client, addStep: (name: string) => editor.addTouchpoint({ phaseId, name }) };
}

/** The names of the steps a fresh client finds on the map. */
async function storedSteps(server: ServerProcess, mapId: string): Promise<string[]> {
  const check = await connect(server, mapDocumentName(mapId));
  const names = readJourneyMap(check.doc).touchpoints.map((t) => t.name);
  check.destroy();
  return names;
}

describe.each(STORES)("durability with %s", (kind, available) => {
  it.runIf(available)(
    "keeps every confirmed edit when the process is killed with SIGKILL",
    async () => {
      const server = await spawnServer(kind);
      const mapId = await createMap(server);
      const names: string[] = [];
      for (let round = 0; round < 3; round++) {
        const { client: c, addStep } = await stepWriter(server, mapId);
        for (let i = 0; i < 5; i++) {
          const name = `round ${round} step ${i}`;
          addStep(name);
          names.push(name);
        }
        await c.confirmed();
        await server.stop("SIGKILL"); // right after the confirmation, before any debounced store
        c.destroy();
        await server.start();
      }
      const stored = await storedSteps(server, mapId);
      for (const name of names) expect(stored).toContain(name);
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
      const server = await spawnServer(kind);
      const mapId = await createMap(server);
      const confirmed: string[] = [];
      for (let round = 0; round < 4; round++) {
        const { client: c, addStep } = await stepWriter(server, mapId);
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
          addStep(name);
        }, 2);
        // Kill at a random moment once this round has some confirmed edits to lose.
        const started = Date.now();
        while (confirmedThisRound < 5 && Date.now() - started < 20_000)
          await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 50 + random() * 350));
        const killed = server.stop("SIGKILL");
        clearInterval(typing);
        await killed;
        c.destroy();
        await server.start();
      }
      expect(confirmed.length, `seed ${seed}: some edits were confirmed`).toBeGreaterThan(10);
      const stored = new Set(await storedSteps(server, mapId));
      const lost = confirmed.filter((name) => !stored.has(name));
      expect(lost, `seed ${seed}: confirmed edits lost after SIGKILL`).toEqual([]);
    },
    120_000,
  );
});

// Spawns the server: seconds on a loaded 2-core machine.
it("shuts down cleanly on SIGTERM", async () => {
  const server = await spawnServer("SQLite");
  expect(await server.stop("SIGTERM")).toBe(0);
}, 60_000);
