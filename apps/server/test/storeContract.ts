/**
 * One contract, every store: the same tests run against SQLite and PostgreSQL.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { MapStore, UpdateRow } from "../src/store/MapStore.ts";
import { applyRetention } from "../src/store/retention.ts";

const DAY = 24 * 60 * 60 * 1000;

function update(text: string, clientID = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const row = (mapId: string, bytes: Uint8Array, ts = 1): UpdateRow => ({
  mapId,
  ts,
  author: "alice",
  clientIds: [1],
  origin: "connection",
  bytes,
});

export function storeContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`MapStore contract: ${name}`, () => {
    const withStore = async (fn: (store: MapStore) => Promise<void>) => {
      const { store, dispose } = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
        await dispose();
      }
    };

    it("creates maps with their seed as row 1 and lists them newest first", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "First", 100, update("seed"));
        await store.createMap("mapBBBBBBBB", "Second", 200, update("seed"));
        expect(await store.hasMap("mapAAAAAAAA")).toBe(true);
        expect(await store.hasMap("nope")).toBe(false);
        expect((await store.listMaps()).map((m) => m.title)).toEqual(["Second", "First"]);
        expect(await store.countUpdates("mapAAAAAAAA")).toBe(1);
        await expect(store.createMap("mapAAAAAAAA", "Again", 300, update("x"))).rejects.toThrow();
        expect(await store.countUpdates("mapAAAAAAAA")).toBe(1);
      }));

    it("H4: reads only the asked maps, each once, as listMaps describes them", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "First", 100, update("seed"));
        await store.createMap("mapBBBBBBBB", "Second", 200, update("seed"));
        await store.createMap("mapCCCCCCCC", "Third", 300, update("seed"));
        await store.appendUpdate(row("mapAAAAAAAA", update("a"), 400));
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
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        const sizes = [100, 200, 300, 5000, 10];
        for (const [i, size] of sizes.entries()) {
          await store.appendUpdate(row("mapAAAAAAAA", update("x".repeat(size), i + 2)));
        }
        const lengths = (await store.readUpdates("mapAAAAAAAA", 2, 6)).map((r) => r.bytes.length);
        const seqsWithin = async (from: number, to: number, max: number) =>
          (await store.readUpdatesWithin("mapAAAAAAAA", from, to, max)).map((r) => r.seq);
        expect(await seqsWithin(2, 6, lengths[0]! + lengths[1]!)).toEqual([2, 3]);
        expect(await seqsWithin(2, 6, lengths[0]! + lengths[1]! - 1)).toEqual([2]);
        expect(await seqsWithin(5, 6, 1)).toEqual([5]); // larger than the budget: alone
        expect(await seqsWithin(2, 3, 1_000_000)).toEqual([2, 3]);
        expect(await seqsWithin(7, 9, 1_000_000)).toEqual([]);
        const [first] = await store.readUpdatesWithin("mapAAAAAAAA", 4, 4, 1);
        expect(first).toEqual((await store.readUpdates("mapAAAAAAAA", 4, 4))[0]);
      }));

    it("numbers appended rows 1, 2, 3… per map and keeps author, time and client ids", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        await store.createMap("mapBBBBBBBB", "B", 1, update("seed"));
        expect(await store.appendUpdate(row("mapAAAAAAAA", update("a"), 10))).toBe(2);
        expect(await store.appendUpdate(row("mapBBBBBBBB", update("b"), 11))).toBe(2);
        expect(await store.appendUpdate(row("mapAAAAAAAA", update("c"), 12))).toBe(3);
        const rows = await store.readUpdates("mapAAAAAAAA", 2, 3);
        expect(rows.map((r) => [r.seq, r.ts, r.author, r.clientIds])).toEqual([
          [2, 10, "alice", [1]],
          [3, 12, "alice", [1]],
        ]);
        expect(rows[0]!.bytes).toEqual(update("a"));
        expect((await store.listMaps())[0]?.id).toBe("mapAAAAAAAA");
      }));

    it("keeps concurrent appends to one map gap-free and unique", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        const seqs = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.appendUpdate(row("mapAAAAAAAA", update(`u${i}`, i + 2))),
          ),
        );
        expect([...seqs].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 2),
        );
      }));

    it("loads the latest checkpoint plus later rows, which rebuild the same document", () =>
      withStore(async (store) => {
        const doc = new Y.Doc();
        const rows: Uint8Array[] = [];
        doc.on("update", (u: Uint8Array) => rows.push(u));
        doc.getText("t").insert(0, "seed");
        await store.createMap("mapAAAAAAAA", "A", 1, rows[0]!);
        for (let i = 0; i < 5; i++) {
          doc.getText("t").insert(0, `${i}`);
          await store.appendUpdate(row("mapAAAAAAAA", rows.at(-1)!));
        }
        await store.writeCheckpoint("mapAAAAAAAA", 4, Y.encodeStateAsUpdate(doc), 5);
        doc.getText("t").insert(0, "after");
        await store.appendUpdate(row("mapAAAAAAAA", rows.at(-1)!));
        const loaded = await store.loadMap("mapAAAAAAAA");
        expect(loaded.seq).toBe(7);
        expect(loaded.checkpointSeq).toBe(4);
        expect(loaded.updates).toHaveLength(1 + 3); // checkpoint + rows 5, 6, 7
        const rebuilt = new Y.Doc();
        for (const u of loaded.updates) Y.applyUpdate(rebuilt, u);
        expect(rebuilt.getText("t").toString()).toBe(doc.getText("t").toString());
      }));

    it("returns an empty state for a map without rows, and answers a ping", () =>
      withStore(async (store) => {
        expect(await store.loadMap("nothing1")).toEqual({ updates: [], seq: 0, checkpointSeq: 0 });
        await store.ping();
      }));

    it("keeps one signing secret and the links of each map, revocable once", () =>
      withStore(async (store) => {
        const secret = await store.getSecret();
        expect(secret.length).toBe(32);
        expect(await store.getSecret()).toEqual(secret);
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        const link = {
          id: "link1",
          mapId: "mapAAAAAAAA",
          role: "editor",
          label: "Workshop",
          createdAt: 5,
          expiresAt: null,
          revokedAt: null,
        };
        await store.createLink(link);
        expect(await store.getLink("link1")).toEqual(link);
        expect(await store.getLink("nope")).toBeNull();
        expect(await store.listLinks("mapAAAAAAAA")).toEqual([link]);
        expect(await store.revokeLink("otherMap", "link1", 9)).toBe(false);
        expect(await store.revokeLink("mapAAAAAAAA", "link1", 9)).toBe(true);
        expect(await store.revokeLink("mapAAAAAAAA", "link1", 10)).toBe(false);
        expect((await store.getLink("link1"))?.revokedAt).toBe(9);
      }));

    it("lists log rows without their bytes, with each row's size", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        const bytes = update("abc");
        await store.appendUpdate(row("mapAAAAAAAA", bytes, 7));
        expect(await store.readLogEntries("mapAAAAAAAA", 2, 9)).toEqual([
          { seq: 2, ts: 7, author: "alice", origin: "connection", bytes: bytes.length },
        ]);
        expect(await store.readLogEntries("mapAAAAAAAA", 5, 9)).toEqual([]);
      }));

    it("compacts the start of the log into one row without changing any later moment", () =>
      withStore(async (store) => {
        const doc = new Y.Doc();
        const rows: Uint8Array[] = [];
        doc.on("update", (u: Uint8Array) => rows.push(u));
        doc.getText("t").insert(0, "seed");
        await store.createMap("mapAAAAAAAA", "A", 100, rows[0]!);
        for (let i = 1; i <= 6; i++) {
          doc.getText("t").insert(0, `${i}`);
          await store.appendUpdate(row("mapAAAAAAAA", rows.at(-1)!, 100 + i * DAY));
        }
        await store.writeCheckpoint("mapAAAAAAAA", 2, Y.encodeStateAsUpdate(doc), 1);
        await store.writeCheckpoint("mapAAAAAAAA", 3, Y.encodeStateAsUpdate(doc), 1);
        const textAt = async (seq: number) => {
          const replayed = new Y.Doc();
          for (const r of await store.readUpdates("mapAAAAAAAA", 1, seq))
            Y.applyUpdate(replayed, r.bytes);
          return replayed.getText("t").toString();
        };
        const before = [await textAt(4), await textAt(5), await textAt(7)];
        expect(await store.logBounds("mapAAAAAAAA")).toEqual({ first: 1, last: 7 });
        expect(await store.logBounds("nothing1")).toEqual({ first: 0, last: 0 });

        // Keep 3.5 days at day 7.5: rows 1..4 (received before day 4) become one row.
        const removed = await applyRetention(store, 3.5 * DAY, 100 + 7.5 * DAY);
        expect(removed).toBe(3);
        expect(await store.logBounds("mapAAAAAAAA")).toEqual({ first: 4, last: 7 });
        const [compacted] = await store.readUpdates("mapAAAAAAAA", 1, 4);
        expect(compacted).toMatchObject({ seq: 4, ts: 100 + 3 * DAY, author: "retention" });
        expect([await textAt(4), await textAt(5), await textAt(7)]).toEqual(before);
        const loaded = await store.loadMap("mapAAAAAAAA");
        const rebuilt = new Y.Doc();
        for (const u of loaded.updates) Y.applyUpdate(rebuilt, u);
        expect(rebuilt.getText("t").toString()).toBe(doc.getText("t").toString());
        // A second pass within the window changes nothing; a named version pins its moment.
        expect(await applyRetention(store, 3.5 * DAY, 100 + 7.5 * DAY)).toBe(0);
        await store.createVersion({
          id: "ver1",
          mapId: "mapAAAAAAAA",
          seq: 5,
          name: "Workshop",
          createdAt: 1,
          createdBy: "Hana",
        });
        expect(await applyRetention(store, 0, 100 + 30 * DAY)).toBe(1);
        expect(await store.logBounds("mapAAAAAAAA")).toEqual({ first: 5, last: 7 });
        expect([await textAt(5), await textAt(7)]).toEqual(before.slice(1));
      }));

    it("keeps named versions per map, ordered by moment, renamable and deletable once", () =>
      withStore(async (store) => {
        await store.createMap("mapAAAAAAAA", "A", 1, update("seed"));
        await store.createMap("mapBBBBBBBB", "B", 1, update("seed"));
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
