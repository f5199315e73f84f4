/**
 * The history player's moves that apply rows to a document it already has (issue 16, R7): a
 * long forward move on the current document, and a move that resumes a document left behind
 * by an earlier one. Whatever path a seek takes, the moment shown must equal the log replayed
 * to that row (R1), and so must every visit. Seeded: the log comes from random concurrent
 * edits of two replicas and the moves from a seeded generator; a failure names its seed
 * (rerun with FUZZ_SEED=<seed>).
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  CHUNK,
  FORWARD_REACH,
  HistoryPlayer,
  type HistorySource,
  type JourneyMap,
  LEAN_REACH,
  leanState,
  readJourneyMap,
  type RowFrame,
} from "../src/index.ts";
import { randomLog, seededRandom } from "../src/testing/index.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 16_007);
const ROWS = FORWARD_REACH + 3 * CHUNK;

/** Rows and states as the server answers them, counting state requests. */
function sourceOf(rows: Uint8Array[]) {
  const calls = { state: 0 };
  const source: HistorySource = {
    state: async (seq) => {
      calls.state++;
      return Y.mergeUpdates(rows.slice(0, seq));
    },
    rows: async (from, to) => {
      const frames: RowFrame[] = [];
      for (let seq = from; seq <= Math.min(to, from + 499, rows.length); seq++) {
        frames.push({ seq, bytes: rows[seq - 1]! });
      }
      return frames;
    },
  };
  return { source, calls };
}

/** The map after each asked row, replayed once from row 1. */
function mapsAt(rows: Uint8Array[], seqs: Iterable<number>): Map<number, JourneyMap> {
  const wanted = [...new Set(seqs)].sort((a, b) => a - b);
  const doc = new Y.Doc();
  const out = new Map<number, JourneyMap>();
  let at = 0;
  for (const seq of wanted) {
    for (; at < seq; at++) Y.applyUpdate(doc, rows[at]!);
    out.set(seq, readJourneyMap(doc));
  }
  return out;
}

describe("HistoryPlayer: moves that apply rows instead of decoding a state", () => {
  const rows = randomLog(SEED, ROWS);

  it("produces a log long enough to move beyond FORWARD_REACH", () => {
    expect(rows.length).toBeGreaterThan(FORWARD_REACH + 2 * CHUNK);
  });

  it("a long forward move applies rows to the current document: no state request", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const first = await player.seek(CHUNK * 2 + 7); // opens: one state request
    const far = CHUNK * 2 + 7 + FORWARD_REACH - 5;
    const at = await player.seek(far);
    expect(at.doc).toBe(first.doc);
    expect(calls.state).toBe(1);
    expect(readJourneyMap(at.doc)).toEqual(mapsAt(rows, [far]).get(far));
    // A step back rebuilds from the chunk's start, exactly.
    const back = await player.seek(far - 3);
    expect(readJourneyMap(back.doc)).toEqual(mapsAt(rows, [far - 3]).get(far - 3));
  });

  it("a move shortly after a document left behind resumes it: no state request", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const early = await player.seek(CHUNK + 40); // opens: one state request
    await player.seek(rows.length - 3); // far: a chunk start, the first document kept
    expect(calls.state).toBe(2);
    const target = CHUNK + 40 + FORWARD_REACH - CHUNK;
    const at = await player.seek(target);
    expect(at.doc).toBe(early.doc);
    expect(calls.state).toBe(2);
    expect(readJourneyMap(at.doc)).toEqual(mapsAt(rows, [target]).get(target));
  });

  it("steps back exactly after a run forward (undoing rows showed maps that never existed)", async () => {
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    for (const seq of [1000, 1400, 1800]) await player.seek(seq);
    const back = [1790, 1750, 1700, 1650, 1600];
    const expected = mapsAt(rows, back);
    for (const seq of back) {
      expect(readJourneyMap((await player.seek(seq)).doc), `seq ${seq}`).toEqual(expected.get(seq));
    }
  });

  it("a step back after resting applies rows to a prepared document: no state request, no decode", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const last = rows.length;
    await player.seek(last); // opens at the last edit: one state request, no chunk start
    const spare = await player.prepareBack(); // what the worker does while the scrubber rests
    expect(spare).not.toBeNull();
    expect(calls.state).toBe(2); // the start of the chunk holding the moment before
    expect(await player.prepareBack()).toBeNull(); // one is enough
    for (const seq of [last - 1, last - 2]) {
      const asked = calls.state;
      const at = await player.seek(seq);
      if (seq === last - 1) expect(at.doc).toBe(spare);
      expect(calls.state, `seq ${seq}`).toBe(asked);
      expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(mapsAt(rows, [seq]).get(seq));
      await player.prepareBack(); // rested again: the next step back is prepared too
    }
  });

  it("a seek asked while a step back is being prepared goes first: the preparation gives up", async () => {
    const { source, calls } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(rows.length);
    const preparing = player.prepareBack(); // waits for the chunk start's state…
    const target = CHUNK + 17;
    const at = await player.seek(target); // …and a move comes first
    expect(await preparing).toBeNull();
    expect(readJourneyMap(at.doc)).toEqual(mapsAt(rows, [target]).get(target));
    expect(calls.state).toBeLessThanOrEqual(3);
    // Nothing prepared while a seek is running either.
    const moving = player.seek(target + 40);
    expect(await player.prepareBack()).toBeNull();
    await moving;
  });

  it("a prepared document whose way misses the visit is not used: the rebuild passes it", async () => {
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const target = 3 * CHUNK + 40;
    await player.seek(target + 1);
    expect(await player.prepareBack()).not.toBeNull(); // at 3 × CHUNK
    const visited = 3 * CHUNK - 30; // before the prepared document
    let seen: JourneyMap | null = null;
    const at = await player.seek(target, {
      seq: visited,
      see: (doc) => {
        seen = readJourneyMap(doc);
      },
    });
    const expected = mapsAt(rows, [visited, target]);
    expect(readJourneyMap(at.doc)).toEqual(expected.get(target));
    expect(seen).toEqual(expected.get(visited));
  });

  it(`shows exactly the replayed log at every moment and visit, resting between moves (seed ${SEED})`, async () => {
    const moves = randomMoves(SEED + 1);
    const expected = expectedMaps(moves);
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    const rests = seededRandom(SEED + 2);
    let prepared = 0;
    for (const [i, { target, visit }] of moves.entries()) {
      const seen: JourneyMap[] = [];
      const position = await player.seek(
        target,
        visit === null ? undefined : { seq: visit, see: (doc) => seen.push(readJourneyMap(doc)) },
      );
      const where = `seed ${SEED + 1}, move ${i}: to ${target}, visit ${visit}`;
      expect(readJourneyMap(position.doc), where).toEqual(expected.get(target));
      for (const map of seen) expect(map, `${where} (the visit)`).toEqual(expected.get(visit!));
      if (rests(3) > 0 && (await player.prepareBack())) prepared++;
    }
    expect(prepared).toBeGreaterThan(5);
  });

  /** 80 seeded moves of `kinds` kinds (6: no step-back-after-rest moves, 7: with them). */
  function randomMoves(
    seed: number,
    kinds: 6 | 7 = 7,
  ): Array<{ target: number; visit: number | null }> {
    const random = seededRandom(seed);
    const moves: Array<{ target: number; visit: number | null }> = [];
    let at = rows.length;
    for (let i = 0; i < 80; i++) {
      const kind = random(kinds);
      const span =
        kind === 0
          ? random(rows.length) - at // anywhere
          : kind === 1
            ? CHUNK + random(FORWARD_REACH - CHUNK) // forward within reach
            : kind === 2
              ? -random(3 * CHUNK) // back, maybe near a kept document
              : kind === 3
                ? random(30) - 10 // a few rows either way
                : kind === 4
                  ? FORWARD_REACH + random(CHUNK) // just beyond reach
                  : kind === 5 && kinds === 7
                    ? -1 - random(3) // a step back, from a prepared document after a rest
                    : -random(FORWARD_REACH); // back over a kept document's reach
      const target = Math.min(rows.length, Math.max(1, at + span));
      const visit = random(3) === 0 ? null : Math.max(0, target - 1 - random(300));
      moves.push({ target, visit });
      at = target;
    }
    return moves;
  }

  function expectedMaps(moves: Array<{ target: number; visit: number | null }>) {
    return mapsAt(
      rows,
      moves.flatMap((m) => (m.visit === null ? [m.target] : [m.target, m.visit])),
    );
  }

  it(`shows exactly the replayed log at every moment and visit, whatever the path (seed ${SEED})`, async () => {
    const moves = randomMoves(SEED, 6);
    const expected = expectedMaps(moves);
    const { source } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    for (const [i, { target, visit }] of moves.entries()) {
      const seen: JourneyMap[] = [];
      const position = await player.seek(
        target,
        visit === null ? undefined : { seq: visit, see: (doc) => seen.push(readJourneyMap(doc)) },
      );
      const where = `seed ${SEED}, move ${i}: to ${target}, visit ${visit}`;
      expect(position.seq, where).toBe(target);
      expect(readJourneyMap(position.doc), where).toEqual(expected.get(target));
      for (const map of seen) expect(map, `${where} (the visit)`).toEqual(expected.get(visit!));
    }
  });
});

describe("HistoryPlayer with lean chunk starts (the server's state?lean=1)", () => {
  const rows = randomLog(SEED + 7, ROWS);

  /** Chunk starts as the server serves them lean: through the next LEAN_REACH rows, when all logged. */
  function leanSourceOf() {
    const calls = { lean: 0 };
    const source: HistorySource = {
      ...sourceOf(rows).source,
      start: async (seq) => {
        const full = stateAfter(seq);
        if (seq + LEAN_REACH > rows.length) return { state: full, through: null };
        const state = await leanState(full, rows.slice(seq, seq + LEAN_REACH));
        if (!state) return { state: full, through: null };
        calls.lean++;
        return { state, through: seq + LEAN_REACH };
      },
    };
    return { source, calls };
  }

  function stateAfter(seq: number): Uint8Array {
    const doc = new Y.Doc();
    for (const row of rows.slice(0, seq)) Y.applyUpdate(doc, row);
    return Y.encodeStateAsUpdate(doc);
  }

  it("never brings a document past the last row its start allows: it rebuilds from a full state", async () => {
    const { source: plain, calls: plainCalls } = sourceOf(rows);
    const calls = { state: () => plainCalls.state, start: 0 };
    // Full states, but said to be good for ten rows only: the player cannot tell them apart.
    const source: HistorySource = {
      ...plain,
      start: async (seq) => {
        calls.start++;
        return { state: stateAfter(seq), through: seq + 10 };
      },
    };
    const player = new HistoryPlayer(source);
    await player.seek(rows.length); // opens: one full state
    const near = await player.seek(5 * CHUNK + 5); // a chunk start and five rows (far from any other)
    expect([calls.state(), calls.start]).toEqual([1, 1]);
    const past = await player.seek(5 * CHUNK + 20); // beyond its ten rows
    expect(past.rebuilt).toBe(true);
    expect(past.doc).not.toBe(near.doc);
    expect(calls.state()).toBe(2); // the chunk start again, in full
    expect(readJourneyMap(past.doc)).toEqual(mapsAt(rows, [5 * CHUNK + 20]).get(5 * CHUNK + 20));
    // From the full state the document goes on by rows.
    const on = await player.seek(5 * CHUNK + 300);
    expect(on.doc).toBe(past.doc);
  });

  it(`shows exactly the replayed log at every moment and visit (seed ${SEED + 7})`, async () => {
    const { source, calls } = leanSourceOf();
    const player = new HistoryPlayer(source);
    const random = seededRandom(SEED + 8);
    const moves: Array<{ target: number; visit: number | null }> = [];
    for (let i = 0, at = rows.length; i < 50; i++) {
      const kind = random(4);
      const span =
        kind === 0
          ? random(rows.length) - at
          : kind === 1
            ? random(LEAN_REACH + CHUNK)
            : kind === 2
              ? -1 - random(3)
              : random(30) - 10;
      at = Math.min(rows.length, Math.max(1, at + span));
      moves.push({ target: at, visit: random(3) === 0 ? null : Math.max(0, at - 1 - random(300)) });
    }
    const expected = mapsAt(
      rows,
      moves.flatMap((m) => (m.visit === null ? [m.target] : [m.target, m.visit])),
    );
    for (const [i, { target, visit }] of moves.entries()) {
      const seen: JourneyMap[] = [];
      const position = await player.seek(
        target,
        visit === null ? undefined : { seq: visit, see: (doc) => seen.push(readJourneyMap(doc)) },
      );
      const where = `move ${i}: to ${target}, visit ${visit}`;
      expect(readJourneyMap(position.doc), where).toEqual(expected.get(target));
      for (const map of seen) expect(map, `${where} (the visit)`).toEqual(expected.get(visit!));
      if (random(2) === 0) await player.prepareBack();
    }
    expect(calls.lean).toBeGreaterThan(2);
  }, 120_000);
});
