import { createMapFromTemplate, readJourneyMap, sequentialIds } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  presenceKeyOf,
  targetLabel,
  targetOfSelection,
} from "../../../src/talk/comments/targets.ts";

describe("comment targets", () => {
  it("maps board selections to thread targets and back to board keys", () => {
    expect(targetOfSelection({ kind: "cell", id: "cell/lane1/tp1", editing: false })).toEqual({
      kind: "cell",
      id: "lane1/tp1",
    });
    expect(targetOfSelection({ kind: "point", id: "p1/tp1", editing: false })).toEqual({
      kind: "emotion",
      id: "p1/tp1",
    });
    expect(targetOfSelection({ kind: "touchpoint", id: "bad/id", editing: false })).toBeNull();
    expect(targetOfSelection(null)).toBeNull();
    expect(presenceKeyOf({ kind: "cell", id: "lane1/tp1" })).toBe("cell:cell/lane1/tp1");
    expect(presenceKeyOf({ kind: "emotion", id: "p1/tp1" })).toBe("point:p1/tp1");
    expect(presenceKeyOf({ kind: "card", id: "c1" })).toBe("card:c1");
  });

  it("names targets for people, and says when they were deleted", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const map = readJourneyMap(doc);
    const tp = map.touchpoints[0];
    const lane = map.lanes[0];
    const persona = map.personas[0];
    if (!tp || !lane || !persona) throw new Error("template is empty");
    expect(targetLabel(map, { kind: "touchpoint", id: tp.id })).toBe(`Step · ${tp.name}`);
    expect(targetLabel(map, { kind: "cell", id: `${lane.id}/${tp.id}` })).toBe(
      `${lane.name} × ${tp.name}`,
    );
    expect(targetLabel(map, { kind: "emotion", id: `${persona.id}/${tp.id}` })).toContain(
      persona.name,
    );
    expect(targetLabel(map, { kind: "phase", id: "gone1234" })).toBe("Phase (deleted)");
  });
});
