/**
 * Fetching the log ahead (issue 16, R7): once the history view is open, the player fetches
 * every complete chunk's rows and start between seeks, so a jump anywhere costs no request.
 * Real rows from real documents; the source counts what it is asked.
 */
import {
  AHEAD_RETRIES_MS,
  CHUNK,
  HistoryPlayer,
  type HistorySource,
  type RowFrame,
  readJourneyMap,
} from "../src/index.ts";
import * as Y from "yjs";
import { editLog, mapAt } from "./support/editLog.ts";
import { describe, expect, it } from "vitest";

/**
 * A source over `rows` that records each request in `asked`; `startAhead` answers null (still
 * being made) the first `making` times it is asked for a start.
 */
function sourceOf(rows: Uint8Array[], making = 0) {
  const asked: string[] = [];
  const misses = new Map<number, number>();
  const full = (seq: number) => ({ state: Y.mergeUpdates(rows.slice(0, seq)), through: null });
  const source: HistorySource = {
    state: async (seq) => {
      asked.push(`state ${seq}`);
      return full(seq).state;
    },
    start: async (seq) => {
      asked.push(`start ${seq}`);
      return full(seq);
    },
    startAhead: async (seq) => {
      asked.push(`ahead ${seq}`);
      const missed = misses.get(seq) ?? 0;
      misses.set(seq, missed + 1);
      return missed < making ? null : full(seq);
    },
    rows: async (from, to) => {
      asked.push(`rows ${from}`);
      const frames: RowFrame[] = [];
      for (let seq = from; seq <= Math.min(to, rows.length); seq++) {
        frames.push({ seq, bytes: rows[seq - 1]! });
      }
      return frames;
    },
  };
  return { source, asked };
}

describe("HistoryPlayer.fetchAhead", () => {
  // Past FORWARD_REACH from the empty document the player keeps: a jump there needs a start.
  const rows = editLog(CHUNK * 5 + 100);
  const last = rows.length;
  const complete = Math.floor(last / CHUNK);

  it("fetches every complete chunk, nearest first; a jump anywhere then asks for nothing", async () => {
    const { source, asked } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(last);
    asked.length = 0;
    await player.fetchAhead(last);
    // Nearest the moment shown (the last chunk, incomplete, is left for the moves to fetch).
    const starts = asked.filter((a) => a.startsWith("ahead"));
    expect(starts).toEqual(
      Array.from({ length: complete - 1 }, (_, i) => `ahead ${(complete - 1 - i) * CHUNK}`),
    );
    expect(asked.filter((a) => a.startsWith("rows"))).toHaveLength(complete);

    asked.length = 0;
    for (const seq of [7, 3 * CHUNK + 2, CHUNK, 2 * CHUNK - 1, 12, CHUNK + 250]) {
      const at = await player.seek(seq);
      expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(mapAt(rows, seq));
    }
    expect(asked).toEqual([]);
  });

  it("asks again for starts still being made, and the jumps then use them", async () => {
    const { source, asked } = sourceOf(rows, 2);
    const player = new HistoryPlayer(source);
    await player.seek(last);
    await player.fetchAhead(last, { retriesMs: [0, 0, 0] });
    for (let chunk = 1; chunk < complete; chunk++) {
      expect(asked.filter((a) => a === `ahead ${chunk * CHUNK}`)).toHaveLength(3);
    }
    asked.length = 0;
    await player.seek(4 * CHUNK + 9);
    expect(asked).toEqual([]);
  });

  it("gives up on starts never made after its last wait, and a jump fetches its own", async () => {
    const { source, asked } = sourceOf(rows, Number.POSITIVE_INFINITY);
    const player = new HistoryPlayer(source);
    await player.seek(last);
    await player.fetchAhead(last, { retriesMs: [0, 0] });
    expect(asked.filter((a) => a === `ahead ${4 * CHUNK}`)).toHaveLength(3);
    asked.length = 0;
    const at = await player.seek(4 * CHUNK + 9);
    expect(readJourneyMap(at.doc)).toEqual(mapAt(rows, 4 * CHUNK + 9));
    expect(asked).toEqual([`start ${4 * CHUNK}`]); // its rows were fetched ahead
    expect(AHEAD_RETRIES_MS.length).toBeGreaterThan(0);
  });

  it("stops once the bytes it holds reach the bound", async () => {
    const { source, asked } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(last);
    asked.length = 0;
    await player.fetchAhead(last, { maxBytes: 1 });
    // The nearest chunk, then no more.
    expect(asked).toEqual([
      `rows ${(complete - 1) * CHUNK + 1}`,
      `ahead ${(complete - 1) * CHUNK}`,
    ]);
  });

  it("lets a seek asked first go first", async () => {
    const { source, asked } = sourceOf(rows);
    const player = new HistoryPlayer(source);
    await player.seek(last);
    asked.length = 0;
    const seek = player.seek(4 * CHUNK + 3).then(() => asked.push("seek done"));
    await player.fetchAhead(last);
    await seek;
    // The seek's own start and rows, then everything fetched ahead after it.
    expect(asked.slice(0, 3).sort()).toEqual([
      `rows ${4 * CHUNK + 1}`,
      "seek done",
      `start ${4 * CHUNK}`,
    ]);
    expect(asked.indexOf("seek done")).toBe(2);
    expect(asked.length).toBeGreaterThan(3);
  });
});
