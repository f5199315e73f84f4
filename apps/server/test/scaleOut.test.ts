/**
 * Two server instances share maps through Redis and PostgreSQL: clients on either converge,
 * see each other's presence, and every update is logged exactly once.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { createServer, type RunningServer } from "../src/createServer.ts";
import { documentNameOf } from "../src/documentName.ts";
import { type Client, connect, createMap, removeDir, tempDir, until } from "./helpers.ts";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./postgres.ts";
import { dropPrefix, REDIS_URL, redisAvailable } from "./redis.ts";

const available = (await postgresAvailable()) && (await redisAvailable());

describe.runIf(available)("scale-out through Redis", () => {
  const prefix = `jmtest${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let db: TestDatabase;
  const dirs: string[] = [];
  const instances: Array<RunningServer & { wsUrl: string }> = [];
  const clients: Client[] = [];

  async function instance() {
    const dir = tempDir();
    dirs.push(dir);
    const config = readConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      LOG_LEVEL: "silent",
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
    });
    const server = await createServer(config);
    const running = { ...server, wsUrl: `ws://127.0.0.1:${server.port}/sync` };
    instances.push(running);
    return running;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of instances) await s.close();
    for (const d of dirs) removeDir(d);
    await db.drop();
    await dropPrefix(prefix);
  });

  it("converges clients on two instances, shares presence, and logs each update once", async () => {
    const one = await instance();
    const two = await instance();
    const mapId = await createMap(one, { title: "Across instances" });
    const a = await connect(one, documentNameOf(mapId), undefined, "Ana");
    const b = await connect(two, documentNameOf(mapId), undefined, "Ben");
    clients.push(a, b);
    const before = await one.store.countUpdates(mapId);

    const phases = readJourneyMap(a.doc).phases;
    new MapEditor(a.doc).updatePhase(phases[0]!.id, { name: "From one" });
    new MapEditor(b.doc).updatePhase(phases[1]!.id, { name: "From two" });
    await Promise.all([a.confirmed(), b.confirmed()]);
    await until(a.doc, () => readJourneyMap(a.doc).phases[1]?.name === "From two");
    await until(b.doc, () => readJourneyMap(b.doc).phases[0]?.name === "From one");
    expect(readJourneyMap(a.doc)).toEqual(readJourneyMap(b.doc));

    // Presence crosses instances, with the server-set name.
    a.provider.awareness!.setLocalStateField("selection", "phase-x");
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = b.provider.awareness!.getStates().get(a.doc.clientID);
        if (state?.selection === "phase-x" && state.user?.name === "Ana") resolve();
      };
      b.provider.awareness!.on("change", check);
      check();
    });

    // Two edits, two rows: nothing relayed through Redis was logged a second time.
    expect(await one.store.countUpdates(mapId)).toBe(before + 2);
    const rows = await one.store.readUpdates(mapId, before + 1, before + 10);
    expect(rows.map((r) => r.author).sort()).toEqual(["Ana", "Ben"]);
  });
});
