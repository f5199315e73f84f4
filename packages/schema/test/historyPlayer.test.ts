import {
  CHUNK,
  FORWARD_REACH,
  HistoryPlayer,
  type HistorySource,
  LOCAL_ORIGIN,
  readJourneyMap,
  restoreMap,
  type RowFrame,
} from "../src/index.ts";
import * as Y from "yjs";
import { editLog, mapAt } from "./support/editLog.ts";
import { describe, expect, it } from "vitest";
import { loggedMap } from "../src/testing/index.ts";

function sourceOf(rows: Uint8Array[]) {
  const calls = { state: 0, rows: 0 };
  const source: HistorySource = {
    state: async (seq) => {
      calls.state++;
      return Y.mergeUpdates(rows.slice(0, seq));
    },
    // Pages of at most 200 rows, like a server with a smaller page than the chunk.
    rows: async (from, to) => {
      calls.rows++;
      const frames: RowFrame[] = [];
      for (let seq = from; seq <= Math.min(to, from + 199, rows.length); seq++) {
        frames.push({ seq, bytes: rows[seq - 1]! });
      }
      return frames;
    },
  };
  return { source, calls };
}

describe("HistoryPlayer", () => {
  const rows = editLog(CHUNK * 2 + 150);

  it("shows exactly the state after any row, forward, backward and far", async () => {
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    for (const seq of [1, 7, 300, CHUNK, CHUNK + 1, 40, rows.length, CHUNK * 2 - 1, 2]) {
      const at = await player.seek(seq);
      expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(mapAt(rows, seq));
    }
  });

  it("steps forward on the same document and fetches each chunk once", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const first = await player.seek(10);
    for (let seq = 11; seq < 60; seq++) {
      const at = await player.seek(seq);
      expect(at.doc).toBe(first.doc);
      expect(at.rebuilt).toBe(false);
    }
    expect(readJourneyMap(first.doc)).toEqual(mapAt(rows, 59));
    expect(calls.state).toBe(1); // opening at 10; chunk 0 starts from an empty document
    expect(calls.rows).toBe(3); // one chunk of 500 rows in pages of 200
    const back = await player.seek(5);
    expect(back.rebuilt).toBe(true);
    expect(calls.rows).toBe(3);
  });

  it("opens at the last edit with one state request and no rows", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const at = await player.seek(rows.length);
    expect(readJourneyMap(at.doc)).toEqual(mapAt(rows, rows.length));
    expect(calls).toEqual({ state: 1, rows: 0 });
    // Then it moves like any player: back within the last chunk, from its start.
    const back = await player.seek(rows.length - 3);
    expect(readJourneyMap(back.doc)).toEqual(mapAt(rows, rows.length - 3));
  });

  it("steps back exactly: from the chunk's start, or a document an earlier move left", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const first = await player.seek(CHUNK + 100); // opens with one state request
    const moves: Array<[seq: number, same: boolean]> = [
      [CHUNK + 140, true], // forward: rows on the same document
      [CHUNK + 139, false], // back: chunk 1's start (a state request) and 139 rows
      [CHUNK + 120, false],
      [CHUNK + 131, true],
      [40, false], // the empty document it opened on, brought forward by rows
    ];
    let doc = first.doc;
    for (const [seq, same] of moves) {
      const at = await player.seek(seq);
      expect(at.doc === doc, `seq ${seq}`).toBe(same);
      expect(at.rebuilt, `seq ${seq}`).toBe(!same);
      expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(mapAt(rows, seq));
      doc = at.doc;
    }
    expect(calls.state).toBe(2); // the open and chunk 1's start, decoded once and kept
  });

  it("shows the document at a visited moment on the way: forward, back, far and from the chunk before", async () => {
    // Far moves start beyond FORWARD_REACH of any document the player has.
    const base = FORWARD_REACH + CHUNK;
    const rows = editLog(base + CHUNK * 2 + 150);
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(base + 100);
    const seen: Array<{ seq: number; map: ReturnType<typeof readJourneyMap> }> = [];
    const visit = (seq: number) => ({
      seq,
      see: (doc: Y.Doc) => seen.push({ seq, map: readJourneyMap(doc) }),
    });
    const moves: Array<[target: number, visited: number]> = [
      [base + 140, base + 120], // forward over rows, visited on the way
      [base + 150, base + 140], // forward from the visited moment itself
      [base + 108, base + 104], // back: rebuilt from the chunk's start, passing it
      [base + 145, base + 130], // forward again on that document
      [base + CHUNK + 40, base + CHUNK + 10], // forward into the next chunk
      [base + 20, base - 60], // back, visit in the chunk before: started there
      [300, 10], // the empty document it opened on, brought forward by rows
    ];
    for (const [target, visited] of moves) {
      const before = seen.length;
      const at = await player.seek(target, visit(visited));
      expect(readJourneyMap(at.doc), `target ${target}`).toEqual(mapAt(rows, target));
      expect(seen.length, `target ${target}`).toBe(before + 1);
      expect(seen.at(-1)!.map, `visit ${visited}`).toEqual(mapAt(rows, visited));
    }
    // The open and two chunk starts: visits ask nothing.
    expect(calls.state).toBe(3);
  });

  it("opens passing a visited moment: rows from a chunk start instead of the moment's state", async () => {
    // Longer than FORWARD_REACH: from the empty document, rows alone would reach the target.
    const rows = editLog(FORWARD_REACH + CHUNK + 150);
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    let seen: ReturnType<typeof readJourneyMap> | null = null;
    const visited = Math.floor(rows.length / CHUNK) * CHUNK - 30;
    const at = await player.seek(rows.length, {
      seq: visited,
      see: (doc) => {
        seen = readJourneyMap(doc);
      },
    });
    expect(readJourneyMap(at.doc)).toEqual(mapAt(rows, rows.length));
    expect(seen).toEqual(mapAt(rows, visited));
    expect(calls.state).toBe(1); // the start of the chunk before the target's
  });

  it("runs overlapping seeks in order, ending at the last one asked", async () => {
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const seeks = [900, 20, 600, 30].map((seq) => player.seek(seq));
    const last = (await Promise.all(seeks)).at(-1)!;
    expect(last.seq).toBe(30);
    expect(readJourneyMap(player.doc)).toEqual(mapAt(rows, 30));
  });
});

describe("HistoryPlayer while others edit (issue 16, R1)", () => {
  it("at the last edit shows exactly the live map after concurrent edits, deletes and a restore", async () => {
    const { live, rows, ana, ben } = loggedMap();
    const phase = readJourneyMap(live).phases[0]!.id;
    for (let i = 0; i < 6; i++) ana.addTouchpoint({ phaseId: phase, name: `Ana ${i}` });
    // The source reads the log as it is at each request, like the server's routes.
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(rows.length); // opened at "now"
    await player.seek(rows.length - 2); // a look back…
    await player.seek(rows.length); // …and back to now: the log's first chunk is now cached
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(live));

    // Ben deletes a step and a phase and renames another while the history stays open.
    const map = readJourneyMap(live);
    ben.deleteTouchpoint(map.touchpoints.at(-1)!.id);
    ben.deletePhase(map.phases.at(-1)!.id);
    ben.updatePhase(phase, { name: "Renamed by Ben" });
    let at = await player.seek(rows.length);
    expect(readJourneyMap(at.doc)).toEqual(readJourneyMap(live));

    // A whole-version restore, then more edits: still the live map, however the replay moved.
    restoreMap(live, before, { origin: LOCAL_ORIGIN });
    at = await player.seek(rows.length);
    expect(readJourneyMap(at.doc)).toEqual(readJourneyMap(live));
    await player.seek(3);
    ana.addTouchpoint({ phaseId: phase, name: "After the restore" });
    at = await player.seek(rows.length);
    expect(readJourneyMap(at.doc)).toEqual(readJourneyMap(live));
  });
});
