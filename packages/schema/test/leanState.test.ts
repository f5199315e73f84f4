/**
 * Lean chunk starts (issue 16, R7): a state without the deleted content the next rows do not
 * name must show, after each of those rows, exactly what the full state shows; where leaving
 * content out would change that, no lean state is made. The oracle is the schema's own reader
 * (readJourneyMap) and a replay of the log from row 1, not the check under test.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  encodeWithout,
  LEAN_REACH,
  leanState,
  namedIds,
  readJourneyMap,
  showSame,
  visibleDocument,
} from "../src/index.ts";
import { randomLog } from "../src/testing/index.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 16_077);

/** The state after the first `seq` rows, encoded as the server's checkpoints are. */
function stateAfter(rows: readonly Uint8Array[], seq: number): Uint8Array {
  const doc = new Y.Doc();
  for (const row of rows.slice(0, seq)) Y.applyUpdate(doc, row);
  return Y.encodeStateAsUpdate(doc);
}

/** Records every update a document makes, as logged rows. */
function logOf(...docs: Y.Doc[]): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (const doc of docs) doc.on("update", (u: Uint8Array) => rows.push(u));
  return rows;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function peer(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

describe("leanState", () => {
  it("leaves out deleted content no later row names, and shows the same after every row", async () => {
    const rows = randomLog(SEED, 1_400);
    let lean = 0;
    for (const seq of [150, 400, 650]) {
      const full = stateAfter(rows, seq);
      const later = rows.slice(seq, seq + LEAN_REACH);
      const state = await leanState(full, later);
      if (!state) continue;
      lean++;
      expect(state.byteLength).toBeLessThan(full.byteLength);
      const replay = new Y.Doc();
      for (const row of rows.slice(0, seq)) Y.applyUpdate(replay, row);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect(readJourneyMap(doc)).toEqual(readJourneyMap(replay));
      for (const row of later) {
        Y.applyUpdate(replay, row);
        Y.applyUpdate(doc, row);
        expect(readJourneyMap(doc)).toEqual(readJourneyMap(replay));
      }
      expect(visibleDocument(doc)).toBe(visibleDocument(replay));
    }
    // Edits that overwrite and delete leave tombstones: most moments get a lean state.
    expect(lean).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it("keeps a deleted value a later concurrent write names, so that write still wins", async () => {
    const ana = peer(1);
    const ben = peer(2);
    const rows = logOf(ana, ben);
    pad(ana);
    ana.getMap("meta").set("title", "first");
    sync(ana, ben);
    const seenByBen = rows.length;
    ana.getMap("meta").set("title", "second"); // deletes "first"
    ben.getMap("meta").set("title", "bens"); // concurrent: names "first" as its origin
    const at = seenByBen + 1; // "second" is logged, Ben's write not yet
    expect(rows[at]).toBeDefined();
    const full = stateAfter(rows, at);
    const later = rows.slice(at);
    const state = await leanState(full, later);
    expect(state).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    for (const row of later) Y.applyUpdate(doc, row);
    const replay = new Y.Doc();
    for (const row of rows) Y.applyUpdate(replay, row);
    expect(doc.getMap("meta").get("title")).toBe(replay.getMap("meta").get("title"));
    expect(doc.getMap("meta").get("title")).toBe("bens");

    // Left out, Ben's write would be lost: the check must see that.
    const careless = encodeWithout(docOf(full), (item) => item.deleted);
    expect(await showSame(docOf(full), docOf(careless), later)).toBe(false);
  });

  it("makes no lean state when leaving content out would move a concurrent insert", async () => {
    // YATA orders concurrent inserts at the same place by their neighbours: with the deleted
    // "x" left out, Ben's "n" compares itself with Cleo's "o" instead and lands before it.
    const ana = peer(1);
    const ben = peer(2);
    const cleo = peer(3);
    const rows = logOf(ana, ben, cleo);
    const list = () => ana.getArray<string>("order");
    pad(ana);
    list().insert(0, ["l"]);
    sync(ana, ben);
    sync(ana, cleo);
    list().insert(1, ["x"]);
    sync(ana, cleo);
    cleo.getArray<string>("order").insert(2, ["o"]); // after "x"
    sync(cleo, ana);
    list().delete(1, 1); // "x" goes
    const at = rows.length;
    ben.getArray<string>("order").insert(1, ["n"]); // after "l", never saw "x"
    const full = stateAfter(rows, at);
    const later = rows.slice(at);
    const replay = docOf(stateAfter(rows, rows.length));
    expect(replay.getArray("order").toArray()).toEqual(["l", "o", "n"]);

    // What the check is for: without it, this lean state would be served.
    const named = namedIds(later);
    const moved = docOf(
      encodeWithout(docOf(full), (item) => item.deleted && !named.has(item.id, item.length)),
    );
    for (const row of later) Y.applyUpdate(moved, row);
    expect(moved.getArray("order").toArray()).toEqual(["l", "n", "o"]);
    expect(await leanState(full, later)).toBeNull();
  });
});

/** Tombstones worth leaving out: values overwritten under two keys in turn (so none merge). */
function pad(doc: Y.Doc): void {
  const meta = doc.getMap("meta");
  for (let i = 0; i < 60; i++) meta.set(i % 2 ? "a" : "b", `draft ${i}`);
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
