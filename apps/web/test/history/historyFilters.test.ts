import {
  createMapFromTemplate,
  diffMaps,
  LOCAL_ORIGIN,
  MapEditor,
  type RowFrame,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { burstsInPhase } from "../../src/history/burstsInPhase.ts";
import type { EditChanges } from "../../src/history/editChanges.ts";
import {
  emptyChangesText,
  filteredBursts,
  filteredChanges,
} from "../../src/history/historyFilters.ts";
import { burst } from "../support/burstFixture.ts";

/** A map logged as rows: the template (row 1), then one row per edit. */
function loggedMap() {
  const doc = new Y.Doc();
  const rows: RowFrame[] = [];
  doc.on("update", (bytes: Uint8Array) => rows.push({ seq: rows.length + 1, bytes }));
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
  return { doc, rows, editor };
}

describe("history filters (issue 16, R3)", () => {
  it("lists none of the shown edit's changes when the person filter is someone else", () => {
    const { doc, editor } = loggedMap();
    const before = readJourneyMap(doc);
    editor.updatePhase(before.phases[0]!.id, { name: "Renamed" });
    const map = readJourneyMap(doc);
    const edit: EditChanges = {
      edit: { beforeSeq: 1, seq: 2, author: "Ana" },
      changes: diffMaps(before, map),
      map,
      before,
    };
    expect(filteredChanges(edit, { author: null, phase: null })).toHaveLength(1);
    expect(filteredChanges(edit, { author: "Ana", phase: null })).toHaveLength(1);
    expect(filteredChanges(edit, { author: "Ben", phase: null })).toEqual([]);
    expect(emptyChangesText(edit, { author: "Ben", phase: null })).toBe("This edit is not by Ben.");
    const other = before.phases[1]!.id;
    expect(filteredChanges(edit, { author: null, phase: other })).toEqual([]);
    expect(emptyChangesText(edit, { author: null, phase: other })).toBe(
      "Nothing in this phase changed in this edit.",
    );
  });

  it("keeps in the timeline only the person's bursts that touched the phase", async () => {
    const { doc, rows, editor } = loggedMap();
    const [p0, p1] = readJourneyMap(doc).phases;
    const stepOfP1 = readJourneyMap(doc).touchpointsByPhase.get(p1!.id)![0]!;
    editor.updatePhase(p0!.id, { name: "A" }); // Ana, in p0
    editor.updateTouchpoint(stepOfP1.id, { name: "B" }); // Ben, in p1
    editor.updatePhase(p1!.id, { name: "C" }); // Ana, in p1
    expect(rows).toHaveLength(4);
    const bursts = [
      burst(1, 1, "server"),
      burst(2, 2, "Ana"),
      burst(3, 3, "Ben"),
      burst(4, 4, "Ana"),
    ];
    let requests = 0;
    // The server pages: at most two rows per request.
    const source = async (from: number, to: number) => {
      requests++;
      return rows.filter((r) => r.seq >= from && r.seq <= Math.min(to, from + 1));
    };
    const inP1 = await burstsInPhase(source, bursts, p1!.id);
    // The template created every phase: its burst touched p1 too.
    expect([...inP1].sort()).toEqual([1, 3, 4]);
    expect(requests).toBe(2);
    expect(filteredBursts(bursts, "Ana", inP1).map((b) => b.fromSeq)).toEqual([4]);
    expect(filteredBursts(bursts, null, inP1).map((b) => b.fromSeq)).toEqual([1, 3, 4]);
    expect(filteredBursts(bursts, "Ben", null).map((b) => b.fromSeq)).toEqual([3]);
  });
});
