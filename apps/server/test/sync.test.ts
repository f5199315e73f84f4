import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, postgresAvailable } from "@journeymap/storage/testing";
import { DOCUMENT_PREFIX, mapDocumentName } from "@journeymap/protocol";
import { removeDir, startServer, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const STORES: Array<[string, boolean]> = [
  ["SQLite", true],
  ["PostgreSQL", await postgresAvailable()],
];
let databaseUrl: string | undefined;

async function server(dataDir?: string): Promise<TestServer> {
  const s = await startServer({ dataDir, databaseUrl });
  cleanups.push(() => s.close());
  return s;
}

async function client(s: TestServer, mapId: string): Promise<Client> {
  const c = await connect(s, mapDocumentName(mapId));
  cleanups.push(() => c.destroy());
  return c;
}

describe.each(STORES)("sync with %s", (kind, available) => {
  if (!available) return;
  const useStore = async () => {
    if (kind !== "PostgreSQL") {
      databaseUrl = undefined;
      return;
    }
    const db = await createTestDatabase();
    databaseUrl = db.url;
    cleanups.unshift(() => db.drop());
  };

  it("delivers one client's edit to another client of the same map", async () => {
    await useStore();
    const s = await server();
    cleanups.push(() => removeDir(s.dataDir));
    const mapId = await createMap(s, { title: "Onboarding" });
    const a = await client(s, mapId);
    const b = await client(s, mapId);
    expect(readJourneyMap(b.doc).meta.title).toBe("Onboarding");
    const phase = readJourneyMap(a.doc).phases[0]!;
    new MapEditor(a.doc).updatePhase(phase.id, { name: "Discover" });
    await until(b.doc, () => readJourneyMap(b.doc).phases[0]?.name === "Discover");
    expect(readJourneyMap(b.doc).phases.map((p) => p.id)).toEqual(
      readJourneyMap(a.doc).phases.map((p) => p.id),
    );
  });

  it("keeps a confirmed edit across a server restart on the same store", async () => {
    await useStore();
    const first = await startServer({ databaseUrl });
    cleanups.push(() => removeDir(first.dataDir));
    const mapId = await createMap(first);
    const a = await connect(first, mapDocumentName(mapId));
    const phase = readJourneyMap(a.doc).phases[0]!;
    new MapEditor(a.doc).updatePhase(phase.id, { name: "Kept" });
    await a.confirmed();
    a.destroy();
    await first.close();

    const second = await server(first.dataDir);
    const b = await client(second, mapId);
    expect(readJourneyMap(b.doc).phases.find((p) => p.id === phase.id)?.name).toBe("Kept");
  });

  it("logs one row per real change and none for a re-sync of known state", async () => {
    await useStore();
    const s = await server();
    cleanups.push(() => removeDir(s.dataDir));
    const mapId = await createMap(s);
    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(1); // the seed
    const a = await client(s, mapId);
    const editor = new MapEditor(a.doc);
    const phases = readJourneyMap(a.doc).phases;
    editor.updatePhase(phases[0]!.id, { name: "One" });
    await a.confirmed();
    editor.updatePhase(phases[1]!.id, { name: "Two" });
    await a.confirmed();
    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(3);
    // A second client syncing the whole state adds nothing to the log.
    await client(s, mapId);
    a.provider.disconnect();
    await a.provider.connect();
    await until(a.doc, () => a.provider.isSynced);
    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(3);
  });

  it("refuses invalid document names and unknown maps while other maps keep working", async () => {
    await useStore();
    const s = await server();
    cleanups.push(() => removeDir(s.dataDir));
    const mapId = await createMap(s);
    const canary = await client(s, mapId);
    for (const name of [
      "not-a-map",
      `${DOCUMENT_PREFIX.map}../../etc`,
      mapDocumentName("x".repeat(200)),
      mapDocumentName("doesNotExist123"),
    ]) {
      await expect(connect(s, name)).rejects.toThrow(/authentication failed/);
    }
    expect(s.hocuspocus.getDocumentsCount()).toBe(1);
    const other = await client(s, mapId);
    new MapEditor(canary.doc).updateMeta({ title: "Still alive" });
    await until(other.doc, () => readJourneyMap(other.doc).meta.title === "Still alive");
  });
});
