/**
 * One contract, every store: the same tests run against SQLite and PostgreSQL.
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { applyRetention, type MapStore, type UpdateRow } from "../src/index.ts";
import { testMap } from "../src/testing/index.ts";

const DAY = 24 * 60 * 60 * 1000;

function update(text: string, clientID = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const row = (doc: string, bytes: Uint8Array, ts = 1): UpdateRow => ({
  doc,
  ts,
  author: "alice",
  clientIds: [1],
  origin: "connection",
  bytes,
});

const A = mapDocumentName("mapAAAAAAAA");
const B = mapDocumentName("mapBBBBBBBB");

/** A text document whose updates are collected as they happen, created as map A with its first. */
async function createTextMap(store: MapStore, createdAt: number) {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => rows.push(u));
  doc.getText("t").insert(0, "seed");
  await store.createMap(testMap("mapAAAAAAAA", "A", createdAt, rows[0]!));
  return { doc, rows };
}

/** Map A's version "ver1" naming the moment after row `seq`. */
const versionOfA = (seq: number, name: string) => ({
  id: "ver1",
  mapId: "mapAAAAAAAA",
  seq,
  name,
  createdAt: 1,
  createdBy: "Hana",
});

/** Opens a fresh store of one backend, and what removes it afterwards. */
export type OpenStore = () => Promise<{ store: MapStore; dispose(): Promise<void> }>;

/** Runs `fn` on a fresh store, closed and removed afterwards. */
export function storeRunner(open: OpenStore) {
  return async (fn: (store: MapStore) => Promise<void>) => {
    const { store, dispose } = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
      await dispose();
    }
  };
}

export function storeContract(name: string, open: OpenStore) {
  describe(`MapStore contract: ${name}`, () => {
    // One block by design: the contract is one list of tests that every adapter (SQLite,
    // PostgreSQL) must pass; storeContract runs it once per adapter.
    const withStore = storeRunner(open);

    it("creates maps with their seed as row 1 and lists them newest first", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "First", 100, update("seed")));
        await store.createMap(testMap("mapBBBBBBBB", "Second", 200, update("seed")));
        expect(await store.hasMap("mapAAAAAAAA")).toBe(true);
        expect(await store.hasMap("nope")).toBe(false);
        expect((await store.listMaps()).map((m) => m.title)).toEqual(["Second", "First"]);
        expect(await store.countUpdates(A)).toBe(1);
        const again = testMap("mapAAAAAAAA", "Again", 300, update("x"));
        await expect(store.createMap(again)).rejects.toThrow();
        expect(await store.countUpdates(A)).toBe(1);
      }));

    it("creates a map with its owner's link and its talk document's seed, or nothing at all", () =>
      withStore(async (store) => {
        const map = { ...testMap("mapAAAAAAAA", "A", 100, update("seed")), talkSeed: update("t") };
        await store.createMap(map);
        expect(await store.listLinks("mapAAAAAAAA")).toEqual([map.owner]);
        const talk = talkDocumentName("mapAAAAAAAA");
        expect(await store.readUpdates(talk, 1, 9)).toMatchObject([
          { doc: talk, seq: 1, ts: 100, author: "server", origin: "server", bytes: update("t") },
        ]);
        expect(await store.readUpdates(A, 1, 9)).toMatchObject([
          { doc: A, seq: 1, ts: 100, author: "server", origin: "server", bytes: update("seed") },
        ]);
        // A second map whose owner link clashes is not created, seeds and all.
        const clash = testMap("mapBBBBBBBB", "B", 200, update("seed"));
        await expect(
          store.createMap({ ...clash, owner: { ...clash.owner, id: map.owner.id } }),
        ).rejects.toThrow();
        expect(await store.hasMap("mapBBBBBBBB")).toBe(false);
        expect(await store.countUpdates(B)).toBe(0);
        const foreign = { ...clash, owner: { ...clash.owner, mapId: "mapAAAAAAAA" } };
        await expect(store.createMap(foreign)).rejects.toThrow(/another map/);
      }));

    it("keeps a talk document's log apart from its map's, and never lists it as a map", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 100, update("seed")));
        const talk = talkDocumentName("mapAAAAAAAA");
        expect(await store.appendUpdate(row(talk, update("c1"), 500))).toBe(1);
        expect(await store.appendUpdate(row(talk, update("c2"), 600))).toBe(2);
        expect(await store.appendUpdate(row(A, update("a"), 300))).toBe(2);
        await store.writeCheckpoint(talk, 2, update("c1c2"), 700);
        expect((await store.loadDocument(talk)).checkpointSeq).toBe(2);
        expect((await store.loadDocument(A)).checkpointSeq).toBe(0);
        // The map's time is its map document's: comments do not reorder the list.
        expect(await store.listMaps()).toEqual([
          {
            id: "mapAAAAAAAA",
            title: "A",
            createdAt: 100,
            updatedAt: 300,
            updatedBy: "alice",
            workspaceId: null,
            createdBy: null,
            deletedAt: null,
          },
        ]);
        expect(await store.logBytesSince(talk, 550)).toBe(update("c2").length);
      }));

    it("refuses to log under a name that is not a document's (a bare map id)", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 100, update("seed")));
        await expect(store.appendUpdate(row("mapAAAAAAAA", update("a")))).rejects.toThrow(
          /document name/,
        );
        await expect(store.writeCheckpoint("mapAAAAAAAA", 1, update("a"), 1)).rejects.toThrow(
          /document name/,
        );
        expect(await store.countUpdates("mapAAAAAAAA")).toBe(0);
      }));

    it("H4: reads only the asked maps, each once, as listMaps describes them", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "First", 100, update("seed")));
        await store.createMap(testMap("mapBBBBBBBB", "Second", 200, update("seed")));
        await store.createMap(testMap("mapCCCCCCCC", "Third", 300, update("seed")));
        await store.appendUpdate(row(A, update("a"), 400));
        const listed = new Map((await store.listMaps()).map((m) => [m.id, m]));
        const got = await store.getMaps(["mapBBBBBBBB", "nope", "mapAAAAAAAA", "mapAAAAAAAA"]);
        expect([...got].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          listed.get("mapAAAAAAAA"),
          listed.get("mapBBBBBBBB"),
        ]);
        expect(got.find((m) => m.id === "mapAAAAAAAA")?.updatedAt).toBe(400);
        expect(await store.getMaps([])).toEqual([]);
      }));

    it("H3: reads rows up to a byte budget, always the first row there is, and none past the range", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        const sizes = [100, 200, 300, 5000, 10];
        for (const [i, size] of sizes.entries()) {
          await store.appendUpdate(row(A, update("x".repeat(size), i + 2)));
        }
        const lengths = (await store.readUpdates(A, 2, 6)).map((r) => r.bytes.length);
        const seqsWithin = async (from: number, to: number, max: number) =>
          (await store.readUpdatesWithin(A, from, to, max)).map((r) => r.seq);
        expect(await seqsWithin(2, 6, lengths[0]! + lengths[1]!)).toEqual([2, 3]);
        expect(await seqsWithin(2, 6, lengths[0]! + lengths[1]! - 1)).toEqual([2]);
        expect(await seqsWithin(5, 6, 1)).toEqual([5]); // larger than the budget: alone
        expect(await seqsWithin(2, 3, 1_000_000)).toEqual([2, 3]);
        expect(await seqsWithin(7, 9, 1_000_000)).toEqual([]);
        const [first] = await store.readUpdatesWithin(A, 4, 4, 1);
        expect(first).toEqual((await store.readUpdates(A, 4, 4))[0]);
      }));

    it("numbers appended rows 1, 2, 3… per map and keeps author, time and client ids", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        await store.createMap(testMap("mapBBBBBBBB", "B", 1, update("seed")));
        expect(await store.appendUpdate(row(A, update("a"), 10))).toBe(2);
        expect(await store.appendUpdate(row(B, update("b"), 11))).toBe(2);
        expect(await store.appendUpdate(row(A, update("c"), 12))).toBe(3);
        const rows = await store.readUpdates(A, 2, 3);
        expect(rows.map((r) => [r.seq, r.ts, r.author, r.clientIds])).toEqual([
          [2, 10, "alice", [1]],
          [3, 12, "alice", [1]],
        ]);
        expect(rows[0]!.bytes).toEqual(update("a"));
        expect((await store.listMaps())[0]?.id).toBe("mapAAAAAAAA");
      }));

    it("keeps concurrent appends to one map gap-free and unique", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        const seqs = await Promise.all(
          Array.from({ length: 40 }, (_, i) => store.appendUpdate(row(A, update(`u${i}`, i + 2)))),
        );
        expect([...seqs].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 2),
        );
      }));

    it("loads the latest checkpoint plus later rows, which rebuild the same document", () =>
      withStore(async (store) => {
        const { doc, rows } = await createTextMap(store, 1);
        for (let i = 0; i < 5; i++) {
          doc.getText("t").insert(0, `${i}`);
          await store.appendUpdate(row(A, rows.at(-1)!));
        }
        await store.writeCheckpoint(A, 4, Y.encodeStateAsUpdate(doc), 5);
        doc.getText("t").insert(0, "after");
        await store.appendUpdate(row(A, rows.at(-1)!));
        const loaded = await store.loadDocument(A);
        expect(loaded.seq).toBe(7);
        expect(loaded.checkpointSeq).toBe(4);
        expect(loaded.updates).toHaveLength(1 + 3); // checkpoint + rows 5, 6, 7
        const rebuilt = new Y.Doc();
        for (const u of loaded.updates) Y.applyUpdate(rebuilt, u);
        expect(rebuilt.getText("t").toString()).toBe(doc.getText("t").toString());
      }));

    it("returns an empty state for a map without rows, and answers a ping", () =>
      withStore(async (store) => {
        expect(await store.loadDocument(mapDocumentName("nothing1"))).toEqual({
          updates: [],
          seq: 0,
          checkpointSeq: 0,
        });
        await store.ping();
      }));

    it("keeps one signing secret and the links of each map, revocable once", () =>
      withStore(async (store) => {
        const secret = await store.getSecret();
        expect(secret.length).toBe(32);
        expect(await store.getSecret()).toEqual(secret);
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        const link = {
          id: "link1",
          mapId: "mapAAAAAAAA",
          role: "editor",
          label: "Workshop",
          createdAt: 5,
          expiresAt: null,
          revokedAt: null,
          createdBy: "user-ana",
        };
        await store.createLink(link);
        expect(await store.getLink("link1")).toEqual(link);
        expect(await store.getLink("nope")).toBeNull();
        const owner = testMap("mapAAAAAAAA", "A", 1, update("seed")).owner;
        expect(await store.listLinks("mapAAAAAAAA")).toEqual([owner, link]);
        expect(await store.revokeLink("otherMap", "link1", 9)).toBe(false);
        expect(await store.revokeLink("mapAAAAAAAA", "link1", 9)).toBe(true);
        expect(await store.revokeLink("mapAAAAAAAA", "link1", 10)).toBe(false);
        expect((await store.getLink("link1"))?.revokedAt).toBe(9);
      }));

    it("B11: names a live link anew, on its own map only, and never a revoked one", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        const link = {
          id: "link1",
          mapId: "mapAAAAAAAA",
          role: "viewer",
          label: "",
          createdAt: 5,
          expiresAt: null,
          revokedAt: null,
          createdBy: null,
        };
        await store.createLink(link);
        expect(await store.renameLink("otherMap", "link1", "Sales team link")).toBe(false);
        expect(await store.renameLink("mapAAAAAAAA", "link1", "Sales team link")).toBe(true);
        expect(await store.getLink("link1")).toEqual({ ...link, label: "Sales team link" });
        await store.revokeLink("mapAAAAAAAA", "link1", 9);
        expect(await store.renameLink("mapAAAAAAAA", "link1", "Too late")).toBe(false);
        expect((await store.getLink("link1"))?.label).toBe("Sales team link");
      }));

    it("lists log rows without their bytes, with each row's size", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        const bytes = update("abc");
        await store.appendUpdate(row(A, bytes, 7));
        expect(await store.readLogEntries(A, 2, 9)).toEqual([
          { seq: 2, ts: 7, author: "alice", origin: "connection", bytes: bytes.length },
        ]);
        expect(await store.readLogEntries(A, 5, 9)).toEqual([]);
      }));

    it("compacts the start of the log into one row without changing any later moment", () =>
      withStore(async (store) => {
        const { doc, rows } = await createTextMap(store, 100);
        for (let i = 1; i <= 6; i++) {
          doc.getText("t").insert(0, `${i}`);
          await store.appendUpdate(row(A, rows.at(-1)!, 100 + i * DAY));
        }
        await store.writeCheckpoint(A, 2, Y.encodeStateAsUpdate(doc), 1);
        await store.writeCheckpoint(A, 3, Y.encodeStateAsUpdate(doc), 1);
        const textAt = async (seq: number) => {
          const replayed = new Y.Doc();
          for (const r of await store.readUpdates(A, 1, seq)) Y.applyUpdate(replayed, r.bytes);
          return replayed.getText("t").toString();
        };
        const before = [await textAt(4), await textAt(5), await textAt(7)];
        expect(await store.logBounds(A)).toEqual({ first: 1, last: 7 });
        expect(await store.logBounds(mapDocumentName("nothing1"))).toEqual({ first: 0, last: 0 });

        // Keep 3.5 days at day 7.5: rows 1..4 (received before day 4) become one row.
        const removed = await applyRetention(store, 3.5 * DAY, 100 + 7.5 * DAY);
        expect(removed).toBe(3);
        expect(await store.logBounds(A)).toEqual({ first: 4, last: 7 });
        const [compacted] = await store.readUpdates(A, 1, 4);
        expect(compacted).toMatchObject({ seq: 4, ts: 100 + 3 * DAY, author: "retention" });
        expect([await textAt(4), await textAt(5), await textAt(7)]).toEqual(before);
        const loaded = await store.loadDocument(A);
        const rebuilt = new Y.Doc();
        for (const u of loaded.updates) Y.applyUpdate(rebuilt, u);
        expect(rebuilt.getText("t").toString()).toBe(doc.getText("t").toString());
        // A second pass within the window changes nothing; a named version pins its moment.
        expect(await applyRetention(store, 3.5 * DAY, 100 + 7.5 * DAY)).toBe(0);
        await store.createVersion(versionOfA(5, "Workshop"));
        expect(await applyRetention(store, 0, 100 + 30 * DAY)).toBe(1);
        expect(await store.logBounds(A)).toEqual({ first: 5, last: 7 });
        expect([await textAt(5), await textAt(7)]).toEqual(before.slice(1));
      }));

    it("compacts each map's talk document once per pass, unpinned by the map's versions", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 100, update("seed")));
        await store.appendUpdate(row(A, update("a", 2), 100 + DAY));
        const talk = talkDocumentName("mapAAAAAAAA");
        for (let i = 1; i <= 3; i++)
          await store.appendUpdate(row(talk, update(`c${i}`, i), 100 + i * DAY));
        await store.createVersion(versionOfA(1, "Kick-off"));
        expect(await applyRetention(store, 0, 100 + 30 * DAY)).toBe(2);
        expect(await store.logBounds(talk)).toEqual({ first: 3, last: 3 });
        expect(await store.logBounds(A)).toEqual({ first: 1, last: 2 });
      }));

    it("keeps named versions per map, ordered by moment, renamable and deletable once", () =>
      withStore(async (store) => {
        await store.createMap(testMap("mapAAAAAAAA", "A", 1, update("seed")));
        await store.createMap(testMap("mapBBBBBBBB", "B", 1, update("seed")));
        const later = {
          id: "ver2",
          mapId: "mapAAAAAAAA",
          seq: 9,
          name: "After the workshop",
          createdAt: 20,
          createdBy: "Hana",
        };
        const earlier = { ...later, id: "ver1", seq: 3, name: "Kick-off", createdAt: 30 };
        await store.createVersion(later);
        await store.createVersion(earlier);
        await store.createVersion({ ...later, id: "ver3", mapId: "mapBBBBBBBB" });
        expect(await store.listVersions("mapAAAAAAAA")).toEqual([earlier, later]);
        expect(await store.renameVersion("mapBBBBBBBB", "ver1", "x")).toBe(false);
        expect(await store.renameVersion("mapAAAAAAAA", "ver1", "Kick-off, 2 Nov")).toBe(true);
        expect((await store.listVersions("mapAAAAAAAA"))[0]?.name).toBe("Kick-off, 2 Nov");
        expect(await store.deleteVersion("mapAAAAAAAA", "ver2")).toBe(true);
        expect(await store.deleteVersion("mapAAAAAAAA", "ver2")).toBe(false);
        expect((await store.listVersions("mapAAAAAAAA")).map((v) => v.id)).toEqual(["ver1"]);
        await expect(store.createVersion(earlier)).rejects.toThrow();
      }));
  });
}
