/**
 * The replay worker's display (issue 16, R1 and R7): after every move the page's display
 * document, which only ever receives the worker's updates, equals the log replayed to that
 * row. A move on the same document mirrors only the roots its rows changed; a move to another
 * document compares everything. Seeded log of random concurrent edits (cells, cards, moves,
 * deletes…) and seeded moves; rerun a failure with FUZZ_SEED=<seed>.
 */
import {
  CHUNK,
  FORWARD_REACH,
  type HistorySource,
  readJourneyMap,
  type RowFrame,
} from "@journeymap/schema";
import { randomLog, seededRandom } from "@journeymap/schema/testing";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ReplayCore } from "../../src/history/replayCore.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 16_016);
const rows = randomLog(SEED, FORWARD_REACH + 2 * CHUNK);

const source: HistorySource = {
  state: async (seq) => Y.mergeUpdates(rows.slice(0, seq)),
  rows: async (from, to) => {
    const frames: RowFrame[] = [];
    for (let seq = from; seq <= Math.min(to, rows.length); seq++) {
      frames.push({ seq, bytes: rows[seq - 1]! });
    }
    return frames;
  },
};

/** Seeded moves: steps either way, jumps anywhere, long moves forward. */
function randomTargets(seed: number): number[] {
  const random = seededRandom(seed);
  const targets: number[] = [];
  let at = rows.length;
  for (let i = 0; i < 70; i++) {
    const kind = random(4);
    const span =
      kind === 0
        ? 1 + random(12) // the steps a person makes: mirrored from the changed roots only
        : kind === 1
          ? random(rows.length) - at // anywhere
          : kind === 2
            ? -1 - random(5)
            : random(FORWARD_REACH);
    at = Math.min(rows.length, Math.max(0, at + span));
    targets.push(at);
  }
  return targets;
}

/** The expected maps, from one replay of the log. */
function replayed(targets: readonly number[]): Map<number, ReturnType<typeof readJourneyMap>> {
  const expected = new Map<number, ReturnType<typeof readJourneyMap>>();
  const replay = new Y.Doc();
  let applied = 0;
  for (const seq of [...new Set(targets)].sort((a, b) => a - b)) {
    for (; applied < seq; applied++) Y.applyUpdate(replay, rows[applied]!);
    expected.set(seq, readJourneyMap(replay));
  }
  return expected;
}

describe("the replay worker's display", () => {
  it(`equals the replayed log after every move, small steps and jumps alike (seed ${SEED})`, async () => {
    const targets = randomTargets(SEED);
    const expected = replayed(targets);
    const core = new ReplayCore(source);
    const display = new Y.Doc();
    for (const [i, target] of targets.entries()) {
      const arrival = await core.seek(target);
      if (arrival.delta) Y.applyUpdate(display, arrival.delta);
      expect(readJourneyMap(display), `seed ${SEED}, move ${i} to ${target}`).toEqual(
        expected.get(target),
      );
    }
  });

  it(`equals the replayed log when the worker rests between moves (steps back from prepared documents, seed ${SEED})`, async () => {
    const targets = randomTargets(SEED + 1);
    const expected = replayed(targets);
    const core = new ReplayCore(source);
    const display = new Y.Doc();
    const rests = seededRandom(SEED + 2);
    let prepared = 0;
    for (const [i, target] of targets.entries()) {
      const arrival = await core.seek(target);
      if (arrival.delta) Y.applyUpdate(display, arrival.delta);
      expect(readJourneyMap(display), `seed ${SEED + 1}, move ${i} to ${target}`).toEqual(
        expected.get(target),
      );
      if (rests(3) > 0 && (await core.rest())) prepared++;
    }
    expect(prepared).toBeGreaterThan(5);
  });

  it(`steps back one edit after moving forward without building a document, exactly (seed ${SEED})`, async () => {
    const random = seededRandom(SEED + 3);
    const moves: Array<{ target: number; back: boolean }> = [];
    let at = rows.length;
    const go = (target: number, back = false) => {
      moves.push({ target, back });
      at = target;
    };
    for (let round = 0; round < 12; round++) {
      go(1 + random(rows.length - 60)); // anywhere
      go(at + 1 + random(random(2) === 0 ? 3 : 40)); // forward: one row or a burst
      go(at - 1, true);
      go(at + 1); // forward again onto the player's own document
      go(at - 1, true);
      go(at - 1); // a second step back has no earlier moment kept: built again
    }
    const expected = replayed(moves.map((m) => m.target));
    const core = new ReplayCore(source);
    const display = new Y.Doc();
    for (const [i, { target, back }] of moves.entries()) {
      const arrival = await core.seek(target);
      if (arrival.delta) Y.applyUpdate(display, arrival.delta);
      const what = `seed ${SEED + 3}, move ${i} to ${target}`;
      expect(readJourneyMap(display), what).toEqual(expected.get(target));
      if (back) expect(arrival.rebuilt, what).toBe(false);
      // Between some moves the worker rests: the second replica catches up meanwhile.
      if (random(2) === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });

  it(`stays exact after moves that failed to fetch their rows (seed ${SEED})`, async () => {
    const targets = randomTargets(SEED + 4);
    const expected = replayed(targets);
    let asked = 0;
    // Every other request for rows fails: the move fails, the next one must still be exact.
    const flaky: HistorySource = {
      state: source.state,
      rows: (from, to) =>
        ++asked % 2 === 0 ? Promise.reject(new Error("offline")) : source.rows(from, to),
    };
    const core = new ReplayCore(flaky);
    const display = new Y.Doc();
    let failed = 0;
    for (const [i, target] of targets.entries()) {
      const arrival = await core.seek(target).catch(() => null);
      if (!arrival) {
        failed++;
        continue;
      }
      if (arrival.delta) Y.applyUpdate(display, arrival.delta);
      expect(readJourneyMap(display), `seed ${SEED + 4}, move ${i} to ${target}`).toEqual(
        expected.get(target),
      );
    }
    expect(failed).toBeGreaterThan(2);
  });
});
