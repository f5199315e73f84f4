import {
  builtInLaneId,
  cellRootName,
  emotionKey,
  type LaneId,
  type PersonaId,
  type PhaseId,
  type Touchpoint,
  type TouchpointId,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  type Peer,
  readSelection,
  type SelectableRef,
  toWireSelection,
} from "../../../src/sync/presence/presenceState.ts";
import {
  presenceAttribute,
  selectionOf,
  tablePresenceRules,
} from "../../../src/views/table/tablePresence.ts";
import type { TableColumn } from "../../../src/views/table/tableColumns.ts";

const tp = { id: "t1" as TouchpointId, phaseId: "ph1" as PhaseId } as Touchpoint;
const lane = builtInLaneId("thoughts") as LaneId;
const cellCol: TableColumn = { kind: "cell", key: `cell:${lane}`, label: "Thoughts", laneId: lane };
const scoreCol: TableColumn = {
  kind: "emotion",
  key: "emotion:p1",
  label: "Ana: feeling",
  personaId: "p1" as PersonaId,
  colour: "#0072b2",
};
const teamCol: TableColumn = { kind: "team", key: "team", label: "Team" };
const nameCol: TableColumn = { kind: "name", key: "name", label: "Step" };

const peer = (selection: Peer["selection"]): Peer => ({
  clientId: 2,
  name: "Ben",
  colour: "#cc79a7",
  guest: false,
  selection,
  pointer: null,
  place: "board",
  viewport: null,
  drag: null,
});

describe("table presence", () => {
  it("publishes the board's selection for each kind of cell", () => {
    const published = (ref: SelectableRef) => toWireSelection({ ref, editing: false });
    expect(published(selectionOf(cellCol, tp))).toEqual({
      kind: "cell",
      id: cellRootName(lane, "t1"),
      editing: false,
    });
    expect(published(selectionOf(scoreCol, tp))).toEqual({
      kind: "point",
      id: emotionKey("p1", "t1"),
      editing: false,
    });
    expect(published(selectionOf(teamCol, tp))).toEqual({
      kind: "touchpoint",
      id: "t1",
      editing: false,
    });
  });

  it("marks a step on its name cell only", () => {
    expect(presenceAttribute(nameCol, tp)).toBe("touchpoint:t1");
    expect(presenceAttribute(teamCol, tp)).toBeUndefined();
    expect(presenceAttribute(scoreCol, tp)).toBe(`point:${emotionKey("p1", "t1")}`);
  });

  it("outlines others' selections in their colour and says who is editing", () => {
    const rules = tablePresenceRules([
      peer(readSelection({ kind: "cell", id: cellRootName(lane, "t1"), editing: true })),
    ]);
    expect(rules).toContain(`.tv-grid [data-presence="cell:${cellRootName(lane, "t1")}"]`);
    expect(rules).toContain("#cc79a7");
    expect(rules).toContain('"Ben is editing"');
    expect(tablePresenceRules([peer(null)])).toBe("");
  });
});
