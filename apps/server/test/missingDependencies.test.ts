/**
 * H7: updates that would leave something waiting for changes the server does not have (Yjs'
 * pending structs and deletes) are refused before they touch the document: planted in a talk
 * document they made every later commenter check copy the document; planted in a map they
 * stopped the checkpoint for good.
 */
import { MapEditor } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE, DOCUMENT_KINDS, documentName } from "@journeymap/protocol";
import { missingDependency } from "../src/sync/missingDependencies.ts";
import { expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { RawClient } from "./support/RawClient.ts";
import { clientOf } from "./support/replicas.ts";

const NETWORK = { timeout: 60_000 };

/** What `update` would leave waiting in `doc`, by the check and by Yjs itself. */
function judge(doc: Y.Doc, update: Uint8Array): { check: string | null; yjs: boolean } {
  const check = missingDependency(doc, update);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return { check, yjs: copy.store.pendingStructs !== null || copy.store.pendingDs !== null };
}

/** A server document and a client that has everything the server has, and `edit` since. */
function pair() {
  const server = new Y.Doc();
  server.getArray<string>("a").insert(0, ["one", "two"]);
  return { server, ...clientOf(server) };
}

/** Applies to `client` a change made by another client, one the server has never seen. */
function changeFromElsewhere(client: Y.Doc, fn: (doc: Y.Doc) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
  fn(other);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(other, Y.encodeStateVector(client)));
}

describe("H7: missing dependencies", () => {
  it("H7: a normal update, and one depending on itself, pass", () => {
    const { server, edit } = pair();
    const update = edit((doc) => {
      doc.getArray<string>("a").insert(1, ["x"]);
      doc.getArray<string>("a").insert(2, ["y"]);
      doc.getArray<string>("a").delete(0, 1);
    });
    expect(judge(server, update)).toEqual({ check: null, yjs: false });
  });

  it("H7: the second of two updates of one client, alone, is refused", () => {
    const { server, edit } = pair();
    edit((doc) => doc.getArray<string>("a").insert(0, ["first"]));
    const second = edit((doc) => doc.getArray<string>("a").insert(0, ["second"]));
    const verdict = judge(server, second);
    expect(verdict.yjs).toBe(true);
    expect(verdict.check).toMatch(/client/);
  });

  it("H7: an update building on another client's change the server lacks is refused", () => {
    const { server, client, edit } = pair();
    changeFromElsewhere(client, (other) => other.getArray<string>("a").insert(2, ["theirs"]));
    // Inserted right after "theirs": its origin is an item the server has never seen.
    const update = edit((doc) => doc.getArray<string>("a").insert(3, ["mine"]));
    const verdict = judge(server, update);
    expect(verdict.yjs).toBe(true);
    expect(verdict.check).not.toBeNull();
  });

  it("H7: deleting what the server has never seen is refused", () => {
    const { server, client, edit } = pair();
    changeFromElsewhere(client, (other) => other.getArray<string>("a").insert(0, ["theirs"]));
    const update = edit((doc) => doc.getArray<string>("a").delete(0, 1));
    const verdict = judge(server, update);
    expect(verdict.yjs).toBe(true);
    expect(verdict.check).toMatch(/delete/);
  });

  it("H7: an offline client's SyncStep2 (everything the server lacks) passes", () => {
    const { server, client } = pair();
    changeFromElsewhere(client, (other) => other.getArray<string>("a").insert(2, ["theirs"]));
    client.getArray<string>("a").insert(3, ["mine"]);
    client.getArray<string>("a").delete(0, 1);
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(judge(server, step2)).toEqual({ check: null, yjs: false });
  });

  describe("on a server", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(() => server.dispose());

    for (const kind of DOCUMENT_KINDS) {
      it(
        `H7: a ${kind} document refuses an update with a missing dependency (4422): not applied, not logged`,
        NETWORK,
        async () => {
          const canary = await startCanary(server);
          const mapId = await createMap(server);
          const name = documentName(kind, mapId);
          const attacker = await RawClient.open(server.wsUrl);
          await attacker.authenticate(name, ownerToken(mapId));
          await attacker.handshake(name);
          const rowsBefore = await server.store.countUpdates(name);
          const live = server.hocuspocus.documents.get(name) as Y.Doc;
          const local = new Y.Doc();
          Y.applyUpdate(local, Y.encodeStateAsUpdate(live));
          new MapEditor(local).updateMeta({ title: "first" });
          const before = Y.encodeStateVector(local);
          new MapEditor(local).updateMeta({ title: "second" });
          attacker.sendUpdate(name, Y.encodeStateAsUpdate(local, before));
          const closed = await Promise.race([
            attacker.closed,
            new Promise<null>((r) => setTimeout(() => r(null), 5000)),
          ]);
          expect(closed?.code).toBe(CLOSE.missingDependencies.code);
          expect(live.store.pendingStructs).toBeNull();
          expect(live.store.pendingDs).toBeNull();
          expect(await server.store.countUpdates(name)).toBe(rowsBefore);
          expect(attacker.sawSavedAck()).toBe(false);
          await new Promise((r) => setTimeout(r, 200)); // the canary keeps editing meanwhile
          expectCanaryHealthy(await canary.stop());
        },
      );
    }
  });
});
