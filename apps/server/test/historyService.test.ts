/**
 * HistoryService on a real SQLite store: exact states at any moment whichever start it uses
 * (nothing, a history checkpoint, a checkpoint kept on the way, the persisted checkpoint), and
 * a persisted checkpoint that holds more than its sequence number says is not used.
 */
import { mapDocumentName } from "@journeymap/protocol";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { testMap } from "@journeymap/storage/testing";
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  HISTORY_CHECKPOINT_EVERY,
  HistoryService,
  KEEP_PASSED_EVERY,
} from "../src/history/HistoryService.ts";
import { removeDir, tempDir } from "./support/server.ts";

const MAP = "historyMap01";
const DOC = mapDocumentName(MAP);
let dir: string;
let store: SqliteMapStore;

/**
 * Logs `count` title edits (row i+1 sets "Title i"), each with `padBytes` more text elsewhere
 * in the document; returns the live document.
 */
async function logEdits(count: number, padBytes = 0, author = () => "Hana"): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => rows.push(u));
  const editor = new MapEditor(doc);
  const pad = doc.getText("pad");
  editor.updateMeta({ title: "Title 0" });
  await store.createMap(testMap(MAP, "History", 1, rows.shift()!));
  for (let i = 1; i < count; i++) {
    doc.transact(() => {
      editor.updateMeta({ title: `Title ${i}` });
      if (padBytes > 0) pad.insert(pad.length, "x".repeat(padBytes));
    });
    await store.appendUpdate({
      doc: DOC,
      ts: 1000 + i,
      author: author(),
      clientIds: [doc.clientID],
      origin: "connection",
      bytes: rows.shift()!,
    });
  }
  return doc;
}

function titleOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return readJourneyMap(doc).meta.title;
}

beforeEach(() => {
  dir = tempDir();
  store = new SqliteMapStore(storeFileIn(dir));
});
afterEach(async () => {
  await store.close();
  removeDir(dir);
});

describe("HistoryService.stateAt", () => {
  it("is exact at any moment, far forward, back and between checkpoints", async () => {
    const total = 5000 * 2 + 700; // crosses checkpoints kept on the way (every 5,000 rows)
    await logEdits(total);
    const history = new HistoryService(store);
    for (const seq of [total, 1, 2, 4999, 5000, 5001, 10_500, 7321, HISTORY_CHECKPOINT_EVERY]) {
      expect(titleOf(await history.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
    }
  });

  it("starts from the persisted checkpoint when it is exact, and not when it holds more", async () => {
    const live = await logEdits(HISTORY_CHECKPOINT_EVERY + 120);
    const last = HISTORY_CHECKPOINT_EVERY + 120;
    // Exact: the state after row `last - 20`.
    const exact = new Y.Doc();
    for (const row of await store.readUpdates(DOC, 1, last - 20)) Y.applyUpdate(exact, row.bytes);
    await store.writeCheckpoint(DOC, last - 20, Y.encodeStateAsUpdate(exact), 2);
    const history = new HistoryService(store);
    for (const seq of [last - 20, last - 7, last, 3]) {
      expect(titleOf(await history.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
    }

    // Holds more: claims row `last - 10` but already holds every row (the live state).
    await store.writeCheckpoint(DOC, last - 10, Y.encodeStateAsUpdate(live), 3);
    const fresh = new HistoryService(store);
    for (const seq of [last - 10, last - 5, last]) {
      expect(titleOf(await fresh.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
    }
  });
});

describe("HistoryService bounds", () => {
  it("H1: refuses a moment past the log's end instead of replaying up to it", async () => {
    await logEdits(3);
    const history = new HistoryService(store);
    for (const seq of [4, Number.MAX_SAFE_INTEGER, -1, 1.5]) {
      await expect(history.stateAt(MAP, seq), `seq ${seq}`).rejects.toThrow(RangeError);
    }
    expect(titleOf(await history.stateAt(MAP, 3))).toBe("Title 2");
  });
});

describe("HistoryService cache", () => {
  it("H1: keeps cached states within its byte budget, and stays exact after evicting", async () => {
    const total = 6 * HISTORY_CHECKPOINT_EVERY;
    await logEdits(total, 200); // states grow by ~100 KB per checkpoint, to ~600 KB
    const budget = 700_000;
    const history = new HistoryService(store, { cacheBytes: budget });
    const seqs = Array.from({ length: 6 }, (_, i) => (i + 1) * HISTORY_CHECKPOINT_EVERY);
    for (const seq of [...seqs, ...seqs.map((s) => s - 1), ...[...seqs].reverse()]) {
      expect(titleOf(await history.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
      expect(history.cachedBytes).toBeGreaterThan(0);
      expect(history.cachedBytes, `after seq ${seq}`).toBeLessThanOrEqual(budget);
    }
  });
});

describe("HistoryService speed at scale (issue 16, R7)", () => {
  it("after one long replay, a moment anywhere replays at most 1,000 rows", async () => {
    const total = 6 * KEEP_PASSED_EVERY + 300;
    await logEdits(total);
    let rowsRead = 0;
    const counted = Object.create(store) as SqliteMapStore;
    counted.readUpdatesWithin = async (...args) => {
      const rows = await store.readUpdatesWithin(...args);
      rowsRead += rows.length;
      return rows;
    };
    const history = new HistoryService(counted);
    await history.stateAt(MAP, total - 300); // the first far jump after a restart: all of it
    // Backwards, to checkpoints nobody asked for yet: each from a checkpoint kept on the way.
    for (const seq of [
      KEEP_PASSED_EVERY + HISTORY_CHECKPOINT_EVERY,
      3 * KEEP_PASSED_EVERY + 1500,
    ]) {
      rowsRead = 0;
      const base = Math.floor(seq / HISTORY_CHECKPOINT_EVERY) * HISTORY_CHECKPOINT_EVERY;
      expect(titleOf(await history.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
      expect(rowsRead, `seq ${seq}`).toBeLessThanOrEqual(1000);
      expect(base - rowsRead, `seq ${seq}`).toBeGreaterThan(0); // not from the start
    }
  });

  it("keeps the timeline and extends it with the rows logged since, as if grouped again", async () => {
    let n = 0;
    const live = await logEdits(700, 0, () => (Math.floor(n++ / 250) % 2 === 0 ? "Hana" : "Ivo"));
    const history = new HistoryService(store);
    const first = await history.timeline(MAP);
    expect(first.seq).toBe(700);
    // Ten more rows by the last burst's author (they join it), then twenty by someone else.
    const editor = new MapEditor(live);
    const rows: Uint8Array[] = [];
    live.on("update", (u: Uint8Array) => rows.push(u));
    const lastAuthor = first.bursts.at(-1)!.author;
    for (let i = 0; i < 30; i++) {
      editor.updateMeta({ title: `More ${i}` });
      await store.appendUpdate({
        doc: DOC,
        ts: 5000 + i,
        author: i < 10 ? lastAuthor : "Uma",
        clientIds: [live.clientID],
        origin: "connection",
        bytes: rows.shift()!,
      });
    }
    const extended = await history.timeline(MAP);
    const regrouped = await new HistoryService(store).timeline(MAP);
    expect(extended).toEqual(regrouped);
    expect(extended.seq).toBe(730);
    expect(extended.bursts.at(-1)).toMatchObject({ author: "Uma", count: 20 });
    expect(extended.bursts.at(-2)).toMatchObject({ author: lastAuthor, toSeq: 710 });

    // Retention compacts the log's start: the kept timeline is not reused.
    const state = Y.encodeStateAsUpdate(live);
    await store.compactLog(DOC, 100, state);
    expect(await history.timeline(MAP)).toEqual(await new HistoryService(store).timeline(MAP));
    expect((await history.timeline(MAP)).bursts[0]!.fromSeq).toBe(100);
  });
});

describe("attribution after retention", () => {
  it("names the last changer of the title when the log starts after a long compaction", async () => {
    const live = await logEdits(2500);
    // Rows 1..2500 become one row at 2500: the first page read from row 1 (1..2000) is empty.
    await store.compactLog(DOC, 2500, Y.encodeStateAsUpdate(live));
    const rows: Uint8Array[] = [];
    live.on("update", (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 3; i++) {
      new MapEditor(live).updateMeta({ title: `Later ${i}` });
      await store.appendUpdate({
        doc: DOC,
        ts: 9000 + i,
        author: "Uma",
        clientIds: [live.clientID],
        origin: "connection",
        bytes: rows.shift()!,
      });
    }
    const { seq, targets } = await new HistoryService(store).attribution(MAP);
    expect(seq).toBe(2503);
    expect(new Map(targets).get("meta")?.changed).toMatchObject({ author: "Uma", seq: 2503 });
  });
});

describe("kept history checkpoints (issue 16, R7)", () => {
  /** The store, counting the rows a replay reads. */
  function counting(): { store: SqliteMapStore; read: () => number } {
    let rowsRead = 0;
    const counted = Object.create(store) as SqliteMapStore;
    counted.readUpdatesWithin = async (...args) => {
      const rows = await store.readUpdatesWithin(...args);
      rowsRead += rows.length;
      return rows;
    };
    return { store: counted, read: () => rowsRead };
  }

  it("a restarted service answers any chunk start from the store, replaying no row", async () => {
    const total = 4 * HISTORY_CHECKPOINT_EVERY + 100;
    await logEdits(total);
    const before = new HistoryService(store);
    await before.stateAt(MAP, total); // the first long replay, as after a deploy
    await before.flushed();
    const restarted = counting();
    const history = new HistoryService(restarted.store);
    for (let k = 4; k >= 1; k--) {
      const seq = k * HISTORY_CHECKPOINT_EVERY;
      expect(titleOf(await history.stateAt(MAP, seq)), `seq ${seq}`).toBe(`Title ${seq - 1}`);
    }
    expect(restarted.read()).toBe(0);
    // A moment between chunk starts: only the rows after the nearest one.
    const seq = 2 * HISTORY_CHECKPOINT_EVERY + 37;
    expect(titleOf(await new HistoryService(restarted.store).stateAt(MAP, seq))).toBe(
      `Title ${seq - 1}`,
    );
  });

  it("does not use a kept checkpoint whose row the log no longer holds as it was", async () => {
    const total = 2 * HISTORY_CHECKPOINT_EVERY + 50;
    const live = await logEdits(total);
    const kept = store.historyCheckpoints();
    // Kept for a log that was since replaced: another time at its row, another state.
    const other = new Y.Doc();
    new MapEditor(other).updateMeta({ title: "Not this map" });
    const seq = HISTORY_CHECKPOINT_EVERY;
    await kept.put(MAP, { seq, rowTs: 1, state: Y.encodeStateAsUpdate(other) });
    const history = new HistoryService(store);
    expect(titleOf(await history.stateAt(MAP, seq))).toBe(`Title ${seq - 1}`);
    await history.flushed();
    expect(await kept.nearest(MAP, seq)).toMatchObject({ seq, rowTs: 1000 + seq - 1 });

    // Retention compacts rows 1..700 into one row at 700: the one at 500 lost its row and is
    // dropped; the one at 1,000 is still exact and answers without a replay.
    await history.stateAt(MAP, 2 * HISTORY_CHECKPOINT_EVERY);
    await history.flushed();
    const compacted = new Y.Doc();
    for (const row of await store.readUpdates(DOC, 1, 700)) Y.applyUpdate(compacted, row.bytes);
    await store.compactLog(DOC, 700, Y.encodeStateAsUpdate(compacted));
    const restarted = counting();
    const after = new HistoryService(restarted.store);
    expect(titleOf(await after.stateAt(MAP, 1000))).toBe("Title 999");
    expect(restarted.read()).toBe(0);
    expect(titleOf(await after.stateAt(MAP, 800))).toBe("Title 799");
    expect((await kept.nearest(MAP, 999))?.seq).not.toBe(HISTORY_CHECKPOINT_EVERY);
    live.destroy();
  });
});
