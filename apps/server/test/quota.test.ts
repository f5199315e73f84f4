/**
 * Storage quotas (quota/), attacked through real servers with small quotas and real providers,
 * while a canary on another map keeps editing.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterEach, describe, expect, it } from "vitest";
import { CLOSE, mapDocumentName } from "@journeymap/protocol";
import { expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { type Client, connect } from "./support/clients.ts";

const servers: TestServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) {
    await s.dispose();
  }
});

async function server(env: Record<string, string>): Promise<TestServer> {
  const s = await startServer({ env });
  servers.push(s);
  return s;
}

function post(s: TestServer, path: string, body: string, type = "application/json") {
  return fetch(`${s.url}${path}`, { method: "POST", headers: { "content-type": type }, body });
}

/** A server with `env`, a canary editing on it, and the owner of a new map connected. */
async function ownerUnderQuota(env: Record<string, string>) {
  const s = await server(env);
  const canary = await startCanary(s);
  const mapId = await createMap(s);
  const owner = await connectTo(s, mapId, "Owner");
  return { s, canary, mapId, owner };
}

async function connectTo(s: TestServer, mapId: string, name: string): Promise<Client> {
  const client = await connect(s, mapDocumentName(mapId), undefined, name);
  clients.push(client);
  return client;
}

/** The code of the next socket close the provider sees. */
function nextCloseCode(client: Client): Promise<number> {
  return new Promise((resolve) => {
    client.provider.configuration.websocketProvider.on(
      "disconnect",
      ({ event }: { event: CloseEvent }) => resolve(event.code),
    );
  });
}

const CSV = "phase,touchpoint\nDiscover,Ad\n";

describe("storage quotas", () => {
  it("H5: map creations and imports per address per hour answer 429 with a message past the quota", {
    timeout: 60_000,
  }, async () => {
    const s = await server({ MAP_CREATIONS_PER_HOUR: "3" });
    const canary = await startCanary(s); // creates one map: two left
    expect((await post(s, "/api/maps", "{}")).status).toBe(201);
    expect((await post(s, "/api/maps/import?kind=csv", CSV, "text/csv")).status).toBe(201);
    const refusedCreate = await post(s, "/api/maps", "{}");
    const refusedImport = await post(s, "/api/maps/import?kind=csv", CSV, "text/csv");
    expect(refusedCreate.status).toBe(429);
    expect(refusedImport.status).toBe(429);
    expect(Number(refusedCreate.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refusedCreate.json()) as { error: string }).error).toMatch(
      /3 new maps per hour/,
    );
    // A flood of refused requests stores nothing and does not hold up editing.
    const flood = await Promise.all(
      Array.from({ length: 200 }, () => post(s, "/api/maps", "{}").then((r) => r.status)),
    );
    expect(new Set(flood)).toEqual(new Set([429]));
    expect(await s.store.listMaps()).toHaveLength(3);
    expectCanaryHealthy(await canary.stop());
  });

  it("H5: an update that takes a map past MAX_MAP_BYTES closes the socket with 4418 and is neither stored nor relayed", {
    timeout: 60_000,
  }, async () => {
    const { s, canary, mapId, owner } = await ownerUnderQuota({ MAX_MAP_BYTES: String(96 * 1024) });
    const peer = await connectTo(s, mapId, "Peer");
    const code = nextCloseCode(owner);
    let refused = false;
    void code.then(() => {
      refused = true;
    });
    // 19 KB descriptions (text fields hold at most 20,000 characters) until the map is full.
    let last = "";
    for (let i = 0; i < 20 && !refused; i++) {
      last = `${i} ${"y".repeat(19_000)}`;
      new MapEditor(owner.doc).updateMeta({ description: last });
      await Promise.race([owner.confirmed(), code]);
    }
    expect(await code).toBe(CLOSE.mapTooLarge.code);
    expect(owner.provider.hasUnsyncedChanges).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(readJourneyMap(peer.doc).meta.description).not.toBe(last);
    const stored = await s.store.readUpdates(mapDocumentName(mapId), 1, Number.MAX_SAFE_INTEGER);
    expect(stored.reduce((sum, row) => sum + row.bytes.length, 0)).toBeLessThanOrEqual(96 * 1024);
    expectCanaryHealthy(await canary.stop());
  });

  it("H5: a map's edits past MAX_MAP_LOG_BYTES_PER_DAY close the socket with 4430", {
    timeout: 60_000,
  }, async () => {
    const { s, canary, mapId, owner } = await ownerUnderQuota({
      MAX_MAP_LOG_BYTES_PER_DAY: String(64 * 1024),
    });
    const editor = new MapEditor(owner.doc);
    const code = nextCloseCode(owner);
    let refused: number | null = null;
    void code.then((c) => {
      refused = c;
    });
    // 1 KiB edits, each replacing the last: the document stays small, the log grows.
    for (let i = 0; i < 100 && refused === null; i++) {
      editor.updateMeta({ description: `${i} ${"z".repeat(1024)}` });
      await Promise.race([owner.confirmed(), code]);
    }
    expect(await code).toBe(CLOSE.mapDailyQuota.code);
    const logged = (
      await s.store.readLogEntries(mapDocumentName(mapId), 1, Number.MAX_SAFE_INTEGER)
    ).reduce((sum, e) => sum + e.bytes, 0);
    expect(logged).toBeLessThanOrEqual(64 * 1024 + 8 * 1024); // + the seed row
    expectCanaryHealthy(await canary.stop());
  });

  it("H5: below the low-disk watermark new maps answer 507, edits close with 4507 and /readyz says 503", {
    timeout: 60_000,
  }, async () => {
    const s = await server({});
    const mapId = await createMap(s);
    await connectTo(s, mapId, "Owner");
    await s.close();
    servers.pop();
    // The same data folder with a watermark no disk can meet.
    const full = await startServer({
      dataDir: s.dataDir,
      env: { MIN_FREE_DISK_BYTES: String(Number.MAX_SAFE_INTEGER) },
    });
    servers.push(full);
    const created = await post(full, "/api/maps", "{}");
    expect(created.status).toBe(507);
    expect(((await created.json()) as { error: string }).error).toMatch(/storage is full/);
    expect((await post(full, "/api/maps/import?kind=csv", CSV, "text/csv")).status).toBe(507);
    const ready = await fetch(`${full.url}/readyz`);
    expect(ready.status).toBe(503);
    const client = await connectTo(full, mapId, "Owner");
    const code = nextCloseCode(client);
    new MapEditor(client.doc).updateMeta({ title: "while full" });
    expect(await code).toBe(CLOSE.storeFull.code);
    expect(client.provider.hasUnsyncedChanges).toBe(true);
  });
});
