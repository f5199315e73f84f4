import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  createMapFromTemplate,
  type ElementRef,
  elementKey,
  elementLabel,
  elementOfTalkTarget,
  parseElementKey,
  readEntityRef,
  readJourneyMap,
  sequentialIds,
  stepOf,
  talkTargetOf,
  type CardId,
  type EvidenceId,
  type LaneId,
  type PersonaId,
  type PhaseId,
  type TalkTarget,
  type TouchpointId,
} from "../src/index.ts";

const step = "tp1" as TouchpointId;
const REFS: readonly [ElementRef, string][] = [
  [{ kind: "phase", id: "ph1" as PhaseId }, "phase:ph1"],
  [{ kind: "touchpoint", id: step }, "touchpoint:tp1"],
  [{ kind: "card", id: "c1" as CardId }, "card:c1"],
  [{ kind: "lane", id: "lane-actions" as LaneId }, "lane:lane-actions"],
  [{ kind: "persona", id: "p1" as PersonaId }, "persona:p1"],
  [{ kind: "evidence", id: "e1" as EvidenceId }, "evidence:e1"],
  [{ kind: "cell", laneId: "lane1" as LaneId, touchpointId: step }, "cell:cell/lane1/tp1"],
  [{ kind: "emotion", personaId: "p1" as PersonaId, touchpointId: step }, "point:p1/tp1"],
  [{ kind: "meta" }, "meta"],
];

describe("element references", () => {
  it("keep the keys the board, presence and the history have always used", () => {
    for (const [ref, key] of REFS) {
      expect(elementKey(ref)).toBe(key);
      expect(parseElementKey(key)).toEqual(ref);
    }
  });

  it("read anything else as null", () => {
    for (const key of [
      "",
      "phase",
      "phase:",
      "tp:tp1",
      "emotion:p1/tp1",
      "touchpoint:bad/id",
      "touchpoint:has space",
      `touchpoint:${"x".repeat(65)}`,
      "cell:lane1/tp1",
      "cell:cell/lane1",
      "cell:cell/lane1/tp1/more",
      "point:p1",
      "point:/tp1",
      "meta:",
      "META",
    ])
      expect(parseElementKey(key), key).toBeNull();
    expect(readEntityRef("phase", 42)).toBeNull();
    expect(readEntityRef("lane", "lane-actions")).toEqual({ kind: "lane", id: "lane-actions" });
  });

  it("name the step an element sits at", () => {
    expect(REFS.map(([ref]) => stepOf(ref))).toEqual([
      null,
      step,
      null,
      null,
      null,
      null,
      step,
      step,
      null,
    ]);
  });

  it("translate to the comment targets stored in the talk document and back", () => {
    expect(talkTargetOf({ kind: "cell", laneId: "lane1" as LaneId, touchpointId: step })).toEqual({
      kind: "cell",
      id: "lane1/tp1",
    });
    expect(
      talkTargetOf({ kind: "emotion", personaId: "p1" as PersonaId, touchpointId: step }),
    ).toEqual({ kind: "emotion", id: "p1/tp1" });
    expect(talkTargetOf({ kind: "card", id: "c1" as CardId })).toEqual({ kind: "card", id: "c1" });
    expect(talkTargetOf({ kind: "lane", id: "lane1" as LaneId })).toBeNull();
    expect(talkTargetOf({ kind: "meta" })).toBeNull();
    for (const [ref] of REFS) {
      const target = talkTargetOf(ref);
      if (target) expect(elementOfTalkTarget(target)).toEqual(ref);
    }
    // Where the board draws a thread's target (its data-presence key).
    const keyOf = (target: TalkTarget) => {
      const ref = elementOfTalkTarget(target);
      return ref && elementKey(ref);
    };
    expect(keyOf({ kind: "cell", id: "lane1/tp1" })).toBe("cell:cell/lane1/tp1");
    expect(keyOf({ kind: "emotion", id: "p1/tp1" })).toBe("point:p1/tp1");
    expect(keyOf({ kind: "card", id: "c1" })).toBe("card:c1");
    expect(elementOfTalkTarget({ kind: "cell", id: "lane1" })).toBeNull();
    expect(elementOfTalkTarget({ kind: "emotion", id: "p1/tp1/x" })).toBeNull();
    expect(elementOfTalkTarget({ kind: "touchpoint", id: "bad/id" })).toBeNull();
  });

  it("are named for people, and say when they were deleted", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const map = readJourneyMap(doc);
    const tp = map.touchpoints[0];
    const lane = map.lanes[0];
    const persona = map.personas[0];
    const phase = map.phases[0];
    if (!tp || !lane || !persona || !phase) throw new Error("template is empty");
    expect(elementLabel(map, { kind: "touchpoint", id: tp.id })).toBe(`Step · ${tp.name}`);
    expect(elementLabel(map, { kind: "phase", id: phase.id })).toBe(`Phase · ${phase.name}`);
    expect(elementLabel(map, { kind: "lane", id: lane.id })).toBe(`Lane · ${lane.name}`);
    expect(elementLabel(map, { kind: "persona", id: persona.id })).toBe(
      `Persona · ${persona.name}`,
    );
    expect(elementLabel(map, { kind: "cell", laneId: lane.id, touchpointId: tp.id })).toBe(
      `${lane.name} × ${tp.name}`,
    );
    expect(
      elementLabel(map, { kind: "emotion", personaId: persona.id, touchpointId: tp.id }),
    ).toContain(persona.name);
    expect(elementLabel(map, { kind: "phase", id: "gone1234" as PhaseId })).toBe("Phase (deleted)");
    expect(elementLabel(map, { kind: "card", id: "gone" as CardId })).toBe("Card (deleted)");
    expect(elementLabel(map, { kind: "cell", laneId: "gone" as LaneId, touchpointId: tp.id })).toBe(
      "Cell (deleted)",
    );
    expect(elementLabel(map, { kind: "meta" })).toBe(`Map · ${map.meta.title}`);
  });
});
