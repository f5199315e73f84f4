/**
 * Bad input closes only the offending connection, with a clear reason; the server and every
 * other document keep working (a canary pair keeps syncing through every attack), nothing
 * bad is acknowledged as saved, and nothing bad reaches the log.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE, mapDocumentName, SYNC_PATH } from "@journeymap/protocol";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";
import { MESSAGE, RawClient } from "./support/RawClient.ts";

let server: TestServer;
let mapId: string;
let canaryA: Client;
let canaryB: Client;
let round = 0;

const METRICS_TOKEN = "bad-input-metrics-token";
const scrape = async () =>
  (
    await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();

beforeAll(async () => {
  server = await startServer({
    limits: {
      maxFrameBytes: 64 * 1024,
      maxUpdateBytes: 16 * 1024,
      messageBurst: 50,
      messageRatePerSecond: 10,
      authTimeoutMs: 400,
      idleTimeoutMs: 60_000,
      maxConnectionsPerAddress: 12,
    },
    env: { METRICS_TOKEN },
  });
  mapId = await createMap(server);
  canaryA = await connect(server, mapDocumentName(mapId));
  canaryB = await connect(server, mapDocumentName(mapId));
});

afterAll(async () => {
  canaryA?.destroy();
  canaryB?.destroy();
  await server.dispose();
});

/** The canaries still sync: an edit by A reaches B through the server. */
async function canariesStillSync(): Promise<void> {
  const title = `alive ${round++}`;
  new MapEditor(canaryA.doc).updateMeta({ title });
  await until(canaryB.doc, () => readJourneyMap(canaryB.doc).meta.title === title);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

async function attacker(): Promise<RawClient> {
  return RawClient.open(server.wsUrl);
}

function nestedValue(depth: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe("bad input", () => {
  it("closes a socket that sends junk bytes", async () => {
    const bad = await attacker();
    bad.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x07, 0x01]));
    const { code } = await bad.closed;
    expect(code).toBeGreaterThanOrEqual(4000);
    await canariesStillSync();
  });

  it("refuses an undecodable update: closed with 4400, never acknowledged, never logged", async () => {
    const rows = await server.store.countUpdates(mapDocumentName(mapId));
    const bad = await attacker();
    await bad.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    bad.sendUpdate(mapDocumentName(mapId), new Uint8Array([1, 200, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const closed = await bad.closed;
    expect(closed.code).toBe(CLOSE.malformedUpdate.code);
    expect(closed.reason).toMatch(/Malformed update/);
    expect(bad.sawSavedAck()).toBe(false);
    expect(await server.store.countUpdates(mapDocumentName(mapId))).toBe(rows);
    await canariesStillSync();
  });

  it("refuses an update with values nested deeper than the limit", async () => {
    const doc = new Y.Doc();
    doc.getMap("meta").set("title", nestedValue(200));
    const bad = await attacker();
    await bad.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    bad.sendUpdate(mapDocumentName(mapId), Y.encodeStateAsUpdate(doc));
    const closed = await bad.closed;
    expect(closed.code).toBe(CLOSE.malformedUpdate.code);
    expect(closed.reason).toMatch(/nested deeper/);
    expect(readJourneyMap(canaryB.doc).meta.title).not.toBe("x");
    await canariesStillSync();
  });

  it("refuses an update above the update size limit with 4413", async () => {
    const doc = new Y.Doc();
    doc.getMap("meta").set("description", "y".repeat(20 * 1024));
    const bad = await attacker();
    await bad.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    bad.sendUpdate(mapDocumentName(mapId), Y.encodeStateAsUpdate(doc));
    expect((await bad.closed).code).toBe(CLOSE.updateTooLarge.code);
    await canariesStillSync();
  });

  it("closes a socket that sends a frame above the frame limit with 1009", async () => {
    const bad = await attacker();
    bad.send(new Uint8Array(100 * 1024));
    expect((await bad.closed).code).toBe(1009);
    await canariesStillSync();
  });

  it("closes a socket that sends an unknown message type with 4415", async () => {
    const bad = await attacker();
    await bad.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    bad.send(
      bad.frame(mapDocumentName(mapId), 77, (e) =>
        encoding.writeUint8Array(e, new Uint8Array([1, 2, 3])),
      ),
    );
    const closed = await bad.closed;
    expect(closed.code).toBe(CLOSE.unsupportedMessage.code);
    await canariesStillSync();
  });

  it("closes a socket that floods messages with 4429", async () => {
    const bad = await attacker();
    await bad.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    // An awareness update announcing no one: valid, cheap, and still a message.
    const ping = bad.frame(mapDocumentName(mapId), MESSAGE.awareness, (e) =>
      encoding.writeVarUint8Array(e, new Uint8Array([0])),
    );
    for (let i = 0; i < 200; i++) bad.send(ping);
    expect((await bad.closed).code).toBe(CLOSE.tooManyMessages.code);
    await canariesStillSync();
  });

  it("closes a socket that never authenticates, within the deadline", async () => {
    const started = Date.now();
    const bad = await attacker();
    expect((await bad.closed).code).toBe(CLOSE.authTimeout.code);
    expect(Date.now() - started).toBeLessThan(2000);
    await canariesStillSync();
  });

  it("closes an authenticated socket that goes silent", async () => {
    const quiet = await startServer({ limits: { idleTimeoutMs: 300 } });
    try {
      const id = await createMap(quiet);
      const bad = await RawClient.open(quiet.wsUrl);
      await bad.authenticate(mapDocumentName(id), ownerToken(id));
      const started = Date.now();
      expect((await bad.closed).code).toBe(CLOSE.idleTimeout.code);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await quiet.dispose();
    }
  });

  it("refuses upgrades beyond the per-address connection cap, and on other paths", async () => {
    // Authenticated sockets: unauthenticated ones would make room by displacing older waiting
    // ones instead (H12, socketLimits.test.ts).
    const open: RawClient[] = [];
    for (let i = 0; i < 14; i++) {
      const client = await attacker().catch(() => null);
      if (!client) continue;
      await client.authenticate(mapDocumentName(mapId), ownerToken(mapId));
      open.push(client);
    }
    // Two canaries are already connected from this address: 12 - 2 = 10 more fit.
    expect(open.length).toBe(10);
    for (const c of open) c.ws.terminate();
    await expect(RawClient.open(server.wsUrl.replace(SYNC_PATH, "/other"))).rejects.toThrow(/404/);
    const metrics = await scrape();
    expect(metrics).toMatch(/journeymap_rejected_total\{reason="maxConnectionsPerAddress"\} [1-9]/);
    expect(metrics).toMatch(/journeymap_rejected_total\{reason="malformedUpdate"\} [1-9]/);
    await canariesStillSync();
  });

  it("reports readiness and metrics", async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
      status: "ready",
      store: "sqlite",
    });
    const metrics = await scrape();
    expect(metrics).toMatch(/journeymap_connections [1-9]/);
    expect(metrics).toMatch(/journeymap_documents_loaded 1/);
    expect(metrics).toMatch(/journeymap_store_write_seconds_count [1-9]/);
    expect(metrics).toMatch(/journeymap_updates_total\{origin="connection"\} [1-9]/);
  });
});
