import { readJourneyMap } from "@journeymap/schema";
import { loggedMap } from "@journeymap/schema/testing";
import { describe, expect, it } from "vitest";
import { changesOfEdit, shownEdit } from "../../src/history/editChanges.ts";
import { burst } from "../support/burstFixture.ts";

/** A logged map: the server's seed (row 1), then Ana (rows 2–3), Ben (4), Ana (5). */
function history() {
  const { live, ana, ben, mapAt } = loggedMap();
  const { phases } = readJourneyMap(live);
  ana.addTouchpoint({ phaseId: phases[0]!.id, name: "Stray card" });
  ana.updatePhase(phases[1]!.id, { name: "Compare" });
  ben.deletePhase(phases[2]!.id);
  ana.updatePhase(phases[0]!.id, { name: "Discover" });
  const bursts = [
    burst(1, 1, "server"),
    burst(2, 3, "Ana"),
    burst(4, 4, "Ben"),
    burst(5, 5, "Ana"),
  ];
  return { bursts, mapAt };
}

const summary = (changes: readonly { change: string; entity: string; label: string }[]) =>
  changes.map((c) => `${c.change} ${c.entity} ${c.label}`);

describe("what the shown edit changed", () => {
  it("is the shown burst's rows up to the moment, by its author", () => {
    const { bursts } = history();
    expect(shownEdit(bursts, 0)).toBeNull();
    expect(shownEdit(bursts, 3)).toEqual({ beforeSeq: 1, seq: 3, author: "Ana" });
    expect(shownEdit(bursts, 2)).toEqual({ beforeSeq: 1, seq: 2, author: "Ana" });
    expect(shownEdit(bursts, 4)).toEqual({ beforeSeq: 3, seq: 4, author: "Ben" });
    // A row the timeline does not list yet: that row alone, author unknown.
    expect(shownEdit(bursts, 7)).toEqual({ beforeSeq: 6, seq: 7, author: null });
  });

  it("lists what that edit did, whichever moment was shown before", async () => {
    const { bursts, mapAt } = history();
    // Stepping back from the end to Ana's first burst: her additions, not Ben's delete undone.
    const ana = await changesOfEdit(mapAt, bursts, 3, await mapAt(3));
    expect(summary(ana.changes).sort()).toEqual([
      "added touchpoint Stray card",
      "renamed phase Compare",
    ]);
    expect(ana.edit?.author).toBe("Ana");
    // Ben's burst removed one phase, and Restore offers only that.
    const ben = await changesOfEdit(mapAt, bursts, 4, await mapAt(4));
    expect(ben.changes.filter((c) => c.change === "removed").map((c) => c.entity)).toEqual([
      "phase",
    ]);
    // Jumping to the end from the start: one rename, not the whole template.
    const last = await changesOfEdit(mapAt, bursts, 5, await mapAt(5));
    expect(summary(last.changes)).toEqual(["renamed phase Discover"]);
    expect(last.before).toEqual(await mapAt(4));
  });
});
