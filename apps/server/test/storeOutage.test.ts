/**
 * PostgreSQL going away under a live map: the server reaches it through a proxy the test cuts
 * (its pooled connections break, new ones are refused) and restores. An edit made meanwhile
 * must not be acknowledged, and must be saved soon after the database returns, without the
 * user doing anything.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE, type CloseReason, mapDocumentName } from "@journeymap/protocol";

import { createLogger } from "../src/logger.ts";
import { type MapStore, PostgresMapStore } from "@journeymap/storage";
import { Persistence } from "../src/sync/Persistence.ts";
import { removeDir, startServer, tempDir, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { type Client, connect } from "./support/clients.ts";
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from "@journeymap/storage/testing";
import { startTcpProxy, type TcpProxy } from "./support/tcpProxy.ts";
import { loggedName } from "./support/authors.ts";

const available = await postgresAvailable();

/**
 * Well under the ~30 s a provider waits before it notices a document that went quiet, well
 * over a reconnect (about a second) plus a loaded CI machine.
 */
const SAVED_WITHIN_MS = 8000;

async function eventually(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Appends the server has attempted, failed ones included. */
async function appendAttempts(server: TestServer): Promise<number> {
  const { values } = await server.metrics.storeWriteSeconds.get();
  return values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
}

/** Sockets the server closed for `reason`. */
async function closedFor(server: TestServer, reason: CloseReason): Promise<number> {
  const { values } = await server.metrics.rejected.get();
  return values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

/** The map as its checkpoint and log hold it, read past the proxy. */
async function storedPhaseNames(store: MapStore, mapId: string): Promise<string[]> {
  const doc = new Y.Doc();
  for (const update of (await store.loadDocument(mapDocumentName(mapId))).updates)
    Y.applyUpdate(doc, update);
  return readJourneyMap(doc).phases.map((p) => p.name);
}

describe.runIf(available)("PostgreSQL outage", () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let server: TestServer;
  /** The same database, not through the proxy: what was really saved. */
  let direct: PostgresMapStore;
  const dir = tempDir();
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(db.url);
    proxied.port = String(proxy.port);
    server = await startServer({ dataDir: dir, databaseUrl: proxied.toString() });
    direct = await PostgresMapStore.open(db.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    proxy?.restore();
    await server?.close();
    await proxy?.close();
    await direct?.close();
    await db?.drop();
    removeDir(dir);
  });

  it("H9: after PostgreSQL goes away mid-editing, a provider's edit is saved within a few seconds of the database returning (not after the ~30 s silence timeout)", {
    timeout: 60_000,
  }, async () => {
    const mapId = await createMap(server, { title: "Through a restart" });
    const a = await connect(server, mapDocumentName(mapId), undefined, "Ana");
    clients.push(a);
    const phase = readJourneyMap(a.doc).phases[0]!;
    new MapEditor(a.doc).updatePhase(phase.id, { name: "Before the outage" });
    await a.confirmed();
    const savedBefore = (await direct.loadDocument(mapDocumentName(mapId))).seq;

    proxy.cut();
    const attempts = await appendAttempts(server);
    new MapEditor(a.doc).updatePhase(phase.id, { name: "During the outage" });
    await eventually(5000, "the server tried to save the edit", async () => {
      return (await appendAttempts(server)) > attempts;
    });
    // Not saved, so not confirmed: the client still holds it as unsaved.
    expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(await storedPhaseNames(direct, mapId)).not.toContain("During the outage");
    // The database stays away a moment: the client's retries meanwhile must fail too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(a.provider.unsyncedChanges).toBeGreaterThan(0);

    proxy.restore();
    const restoredAt = Date.now();
    await eventually(SAVED_WITHIN_MS, "the edit acknowledged and in the log", async () => {
      if (a.provider.unsyncedChanges > 0) return false;
      return (await storedPhaseNames(direct, mapId)).includes("During the outage");
    });
    const tookMs = Date.now() - restoredAt;
    const rows = await direct.readUpdates(
      mapDocumentName(mapId),
      savedBefore + 1,
      Number.MAX_SAFE_INTEGER,
    );
    expect(
      rows.some((row) => row.origin === "connection" && loggedName(row.author) === "Ana"),
    ).toBe(true);
    expect(tookMs).toBeLessThan(SAVED_WITHIN_MS);
    // The server's own pool is back too: it answers ready and keeps saving.
    await eventually(5000, "ready again", async () => {
      return (await fetch(`${server.url}/readyz`)).status === 200;
    });
    new MapEditor(a.doc).updatePhase(phase.id, { name: "After the outage" });
    await a.confirmed();
    expect(await storedPhaseNames(direct, mapId)).toContain("After the outage");
  });

  it("H9: a provider that opens a map while PostgreSQL is away is let in once it returns, not refused", {
    timeout: 60_000,
  }, async () => {
    const mapId = await createMap(server, { title: "Opened during a restart" });
    proxy.cut();
    let refused: string | null = null;
    const opening = connect(server, mapDocumentName(mapId), undefined, "Ben").catch(
      (error: unknown) => {
        refused = String(error);
        return null;
      },
    );
    // The server cannot read the link: it must close the socket (the provider retries), not
    // refuse the map (the provider gives up for good).
    const before = await closedFor(server, "storeUnavailable");
    await eventually(5000, "a socket closed as storage unavailable", async () => {
      return (await closedFor(server, "storeUnavailable")) > before;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    proxy.restore();
    const restoredAt = Date.now();
    const b = await Promise.race([
      opening,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), SAVED_WITHIN_MS)),
    ]);
    expect(refused).toBeNull();
    expect(b).not.toBeNull();
    clients.push(b!);
    expect(Date.now() - restoredAt).toBeLessThan(SAVED_WITHIN_MS);
  });

  it("H9: a map that cannot be loaded closes the socket as storage unavailable", {
    timeout: 60_000,
  }, async () => {
    const mapId = await createMap(server);
    const proxied = new URL(db.url);
    proxied.port = String(proxy.port);
    const store = await PostgresMapStore.open(proxied.toString());
    const closed: Array<{ socketKey: unknown; kind: CloseReason }> = [];
    const persistence = new Persistence(store, createLogger("silent"), {
      closeSocket: (socketKey, kind) => closed.push({ socketKey, kind }),
    });
    proxy.cut();
    try {
      const loading = persistence.onLoadDocument({
        documentName: mapDocumentName(mapId),
        context: { socketKey: "s1" },
      } as Parameters<Persistence["onLoadDocument"]>[0]);
      await expect(loading).rejects.toMatchObject({ code: CLOSE.storeUnavailable.code });
      expect(closed).toEqual([{ socketKey: "s1", kind: "storeUnavailable" }]);
    } finally {
      proxy.restore();
      await store.close();
    }
  });
});
