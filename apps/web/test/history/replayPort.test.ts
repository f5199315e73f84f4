import { CHUNK, type HistorySource, readJourneyMap, type RowFrame } from "@journeymap/schema";
import { loggedMap } from "@journeymap/schema/testing";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { replayOverChannel } from "../support/replayChannel.ts";

// A log of real rows, one per edit, over more than two chunks: steps added, a phase renamed.
const { live, rows, ana, mapAt } = loggedMap();
const phase = readJourneyMap(live).phases[0]!.id;
for (let i = 0; rows.length < CHUNK * 2 + 150; i++) {
  if (i % 3 === 0) ana.addTouchpoint({ phaseId: phase, name: `Step ${i}` });
  else ana.updatePhase(phase, { name: `Phase ${i}` });
}
const stateAt = (seq: number) => Y.mergeUpdates(rows.slice(0, seq));

/** `fails`: the server refuses states and rows (a seek may need either). */
function sourceOf(fails = () => false): HistorySource {
  return {
    state: async (seq) => {
      if (fails()) throw new Error("410: compacted");
      return stateAt(seq);
    },
    rows: async (from, to) => {
      if (fails()) throw new Error("410: compacted");
      const frames: RowFrame[] = [];
      for (let seq = from; seq <= Math.min(to, from + 199, rows.length); seq++) {
        frames.push({ seq, bytes: rows[seq - 1]! });
      }
      return frames;
    },
  };
}

describe("the history replay over a message port (issue 16, R7)", () => {
  it("brings one display document to exactly each moment, forward, back and far", async () => {
    const replay = replayOverChannel(sourceOf());
    try {
      const first = await replay.seek(rows.length);
      for (const seq of [rows.length - 1, 7, 8, 300, CHUNK, CHUNK + 1, 40, rows.length, 2]) {
        const at = await replay.seek(seq);
        expect(at.seq).toBe(seq);
        expect(at.doc).toBe(first.doc); // one display: the board keeps what did not change
        expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(await mapAt(seq));
      }
    } finally {
      replay.close();
    }
  });

  it("applies only what differs: a far jump's update is much smaller than the state there", async () => {
    const replay = replayOverChannel(sourceOf());
    try {
      await replay.seek(CHUNK * 2 + 100);
      const applied: number[] = [];
      replay.display.on("update", (u: Uint8Array) => applied.push(u.byteLength));
      // Back a chunk and a half: the steps added since are removed, a phase renamed.
      await replay.seek(CHUNK / 2 + 10);
      expect(readJourneyMap(replay.display)).toEqual(await mapAt(CHUNK / 2 + 10));
      const bytes = applied.reduce((a, b) => a + b, 0);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(stateAt(CHUNK / 2 + 10).byteLength / 4);
    } finally {
      replay.close();
    }
  });

  it("hands a visit the map at its moment, and answers seeks sent at once in order", async () => {
    const replay = replayOverChannel(sourceOf());
    try {
      let seen: unknown = null;
      await replay.seek(CHUNK + 20, { seq: CHUNK + 5, see: (map) => (seen = map) });
      expect(seen).toEqual(await mapAt(CHUNK + 5));
      const landed = await Promise.all([replay.seek(30), replay.seek(CHUNK * 2 + 3)]);
      expect(landed.map((p) => p.seq)).toEqual([30, CHUNK * 2 + 3]);
      expect(readJourneyMap(replay.display)).toEqual(await mapAt(CHUNK * 2 + 3));
    } finally {
      replay.close();
    }
  });

  it("a step back after the worker rested asks for no state: it was prepared meanwhile", async () => {
    const base = sourceOf();
    const answered = { state: 0 };
    const replay = replayOverChannel({
      state: async (seq) => {
        const state = await base.state(seq);
        answered.state++;
        return state;
      },
      rows: base.rows,
    });
    try {
      await replay.seek(rows.length); // the open: the state at the last edit, no chunk start
      expect(answered.state).toBe(1);
      // Resting: the worker asks for the start of the chunk before and decodes it. This source
      // merges a thousand rows per state, which took 3.2 s once on a loaded 2-core machine.
      await vi.waitFor(() => expect(answered.state).toBe(2), { timeout: 20_000 });
      for (const seq of [rows.length - 1, rows.length - 3]) {
        const at = await replay.seek(seq);
        expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(await mapAt(seq));
      }
      expect(answered.state).toBe(2);
    } finally {
      replay.close();
    }
  });

  it("fails a seek with the server's reason and keeps working; refuses seeks once closed", async () => {
    let fail = false;
    const replay = replayOverChannel(sourceOf(() => fail));
    await replay.seek(10);
    fail = true;
    await expect(replay.seek(CHUNK + 300)).rejects.toThrow("410: compacted");
    fail = false;
    await replay.seek(CHUNK + 300);
    expect(readJourneyMap(replay.display)).toEqual(await mapAt(CHUNK + 300));
    replay.close();
    await expect(replay.seek(5)).rejects.toThrow("closed");
  });
});
