import { type HistorySource, readJourneyMap } from "@journeymap/schema";
import { loggedMap } from "@journeymap/schema/testing";
import { describe, expect, it } from "vitest";
import { changesOfEdit, changesOfEditNow } from "../../src/history/editChanges.ts";
import { MomentMaps, visitBefore } from "../../src/history/momentMaps.ts";
import { burst } from "../support/burstFixture.ts";
import { replayOverChannel } from "../support/replayChannel.ts";

/** A logged map: the seed (row 1), Ana (rows 2–4), Ben (5–6), Ana (7). */
function history() {
  const { live, rows, ana, ben, mapAt } = loggedMap();
  const { phases } = readJourneyMap(live);
  ana.addTouchpoint({ phaseId: phases[0]!.id, name: "Stray card" });
  ana.updatePhase(phases[1]!.id, { name: "Compare" });
  ana.updatePhase(phases[0]!.id, { name: "Look" });
  ben.deletePhase(phases[2]!.id);
  ben.updatePhase(phases[1]!.id, { name: "Weigh" });
  ana.updatePhase(phases[0]!.id, { name: "Discover" });
  const bursts = [
    burst(1, 1, "server"),
    burst(2, 4, "Ana"),
    burst(5, 6, "Ben"),
    burst(7, 7, "Ana"),
  ];
  const source: HistorySource = {
    state: async () => {
      throw new Error("chunk 0 starts from an empty document");
    },
    rows: async (from, to) =>
      rows.slice(from - 1, to).map((bytes, i) => ({ seq: from + i, bytes })),
  };
  let loads = 0;
  const maps = new MomentMaps((seq) => {
    loads++;
    return mapAt(seq);
  });
  return { rows, bursts, source, maps, mapAt, loads: () => loads };
}

describe("maps at moments the history view keeps (issue 16, R7)", () => {
  it("reads the map before the shown edit on the way there, so listing its changes loads nothing", async () => {
    const { rows, bursts, source, maps, mapAt, loads } = history();
    const player = replayOverChannel(source);
    for (const target of [6, 3, 7, 5, 2]) {
      const at = await player.seek(target, visitBefore(maps, bursts, target));
      const shown = await changesOfEdit((s) => maps.get(s), bursts, target, readJourneyMap(at.doc));
      const loaded = await changesOfEdit(mapAt, bursts, target, await mapAt(target));
      expect(shown.changes, `edit ${target}`).toEqual(loaded.changes);
      expect(shown.before, `edit ${target}`).toEqual(await mapAt(shown.edit!.beforeSeq));
    }
    expect(rows.length).toBe(7);
    expect(loads()).toBe(0);
    player.close();
  });

  it("asks for no visit when the map is kept, and loads a moment nobody passed, once", async () => {
    const { bursts, maps, mapAt, loads } = history();
    maps.put(4, await mapAt(4));
    expect(visitBefore(maps, bursts, 6)).toBeUndefined(); // Ben's burst starts after row 4
    expect(visitBefore(maps, bursts, 3)?.seq).toBe(1);
    expect(await maps.get(1)).toEqual(await mapAt(1));
    expect(await maps.get(1)).toEqual(await mapAt(1));
    expect(loads()).toBe(1);
  });

  it("lists an edit's changes at once when the map before it is kept (the board and the list paint together)", async () => {
    const { bursts, maps, mapAt, loads } = history();
    const shown = await mapAt(6); // Ben's burst, rows 5–6: the map before it is row 4's
    const peek = (seq: number) => maps.peek(seq);
    expect(changesOfEditNow(peek, bursts, 6, shown)).toBeUndefined(); // not kept: loaded later
    maps.put(4, await mapAt(4)); // e.g. read by the worker on the way (a visit)
    expect(changesOfEditNow(peek, bursts, 6, shown)).toEqual(
      await changesOfEdit(mapAt, bursts, 6, shown),
    );
    // A map still loading is not at hand; once loaded it is; once dropped it is not.
    const loading = maps.get(1);
    expect(maps.peek(1)).toBeUndefined();
    await loading;
    expect(maps.peek(1)).toEqual(await mapAt(1));
    expect(loads()).toBe(1);
    for (let seq = 100; seq < 140; seq++) maps.put(seq, shown);
    expect(maps.peek(4)).toBeUndefined();
    expect(maps.has(4)).toBe(false);
  });

  it("forgets a failed load, so the next ask tries again", async () => {
    let fail = true;
    const maps = new MomentMaps(async () => {
      if (fail) throw new Error("offline");
      return readJourneyMap(loggedMap().live);
    });
    await expect(maps.get(3)).rejects.toThrow("offline");
    fail = false;
    await expect(maps.get(3)).resolves.toMatchObject({ phases: expect.any(Array) });
  });
});
