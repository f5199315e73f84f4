/**
 * The log holds what the server did not have yet, nothing more. The Hocuspocus provider
 * already diffs its SyncStep2 against the server's state vector, so these tests send raw
 * frames: a client that re-sends known state (a retry after a lost ack, a second tab with the
 * same IndexedDB) must not grow the log, and an update that overlaps known state is logged as
 * its new part only.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { serverForTest, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { connect, until } from "./support/clients.ts";
import { MESSAGE, RawClient, SYNC } from "./support/RawClient.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function rawClient(s: TestServer, mapId: string): Promise<RawClient> {
  const raw = await RawClient.open(s.wsUrl);
  cleanups.push(() => raw.ws.close());
  await raw.authenticate(mapDocumentName(mapId), ownerToken(mapId));
  return raw;
}

/** Resolves with the next SyncStatus the server sends (true = applied and saved). */
function nextSyncStatus(raw: RawClient): Promise<boolean> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      if (decoding.readVarUint(d) !== MESSAGE.syncStatus) return;
      raw.ws.off("message", onMessage);
      resolve(decoding.readVarUint(d) === 1);
    };
    raw.ws.on("message", onMessage);
  });
}

/** Sends `update` as a sync message of `type` and waits for the server's verdict. */
async function sendSync(raw: RawClient, mapId: string, type: number, update: Uint8Array) {
  const status = nextSyncStatus(raw);
  raw.send(
    raw.frame(mapDocumentName(mapId), MESSAGE.sync, (e) => {
      encoding.writeVarUint(e, type);
      encoding.writeVarUint8Array(e, update);
    }),
  );
  return status;
}

describe("update log", () => {
  it("logs nothing when a client re-sends state the server already has", async () => {
    const s = await serverForTest();
    const mapId = await createMap(s);
    const a = await connect(s, mapDocumentName(mapId));
    cleanups.push(() => a.destroy());
    const phase = readJourneyMap(a.doc).phases[0]!;
    new MapEditor(a.doc).updatePhase(phase.id, { name: "Known" });
    await a.confirmed();
    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(2); // seed + the edit

    const raw = await rawClient(s, mapId);
    const known = Y.encodeStateAsUpdate(a.doc);
    expect(await sendSync(raw, mapId, SYNC.update, known)).toBe(true);
    expect(await sendSync(raw, mapId, SYNC.step2, known)).toBe(true);
    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(2);
  });

  it("logs only the new part of an update that overlaps known state", async () => {
    const s = await serverForTest();
    const mapId = await createMap(s);
    const a = await connect(s, mapDocumentName(mapId));
    cleanups.push(() => a.destroy());

    // A replica with everything the server has plus one new edit, sent as one full state.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(a.doc));
    const phase = readJourneyMap(replica).phases[0]!;
    new MapEditor(replica).updatePhase(phase.id, { name: "New part" });
    const full = Y.encodeStateAsUpdate(replica);

    const raw = await rawClient(s, mapId);
    expect(await sendSync(raw, mapId, SYNC.update, full)).toBe(true);
    await until(a.doc, () => readJourneyMap(a.doc).phases[0]?.name === "New part");

    expect(await s.store.countUpdates(mapDocumentName(mapId))).toBe(2);
    const [row] = await s.store.readUpdates(mapDocumentName(mapId), 2, 2);
    expect(row!.bytes.length).toBeLessThan(full.length / 4);
    // Seed + that row rebuild the replica exactly.
    const rebuilt = new Y.Doc();
    for (const r of await s.store.readUpdates(mapDocumentName(mapId), 1, 2))
      Y.applyUpdate(rebuilt, r.bytes);
    expect(readJourneyMap(rebuilt)).toEqual(readJourneyMap(replica));
  });
});
