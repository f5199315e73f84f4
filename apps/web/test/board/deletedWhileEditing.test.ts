import {
  createMapFromTemplate,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  removedEntities,
  sequentialIds,
} from "@journeymap/schema";
import { Awareness } from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deletedContainerOf } from "../../src/board/deletedWhileEditing.ts";
import { readRemovedBy } from "../../src/sync/presence/presenceState.ts";
import { presenceWriter } from "../../src/sync/presence/presenceWriter.ts";

function board() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
  const before = readJourneyMap(doc);
  const step = before.touchpoints[0]!;
  const lane = editor.addLane({ name: "Backstage" });
  const cell = { kind: "cell", laneId: lane, touchpointId: step.id } as const;
  return { doc, editor, step, lane, cell, read: () => readJourneyMap(doc) };
}

describe("deletedContainerOf", () => {
  it("names the phase when the step's whole phase was deleted", () => {
    const b = board();
    const before = b.read();
    b.editor.deletePhase(b.step.phaseId);
    const phase = before.phases.find((p) => p.id === b.step.phaseId)!;
    expect(deletedContainerOf(before, b.read(), b.cell)).toEqual({
      target: { kind: "phase", id: phase.id },
      key: `phase:${phase.id}`,
      name: phase.name,
    });
  });

  it("names the step, or the lane, when only that was deleted", () => {
    const b = board();
    let before = b.read();
    b.editor.deleteLane(b.lane);
    expect(deletedContainerOf(before, b.read(), b.cell)?.target).toEqual({
      kind: "lane",
      id: b.lane,
    });
    const other = board();
    before = other.read();
    other.editor.deleteTouchpoint(other.step.id);
    expect(deletedContainerOf(before, other.read(), other.cell)?.key).toBe(
      `touchpoint:${other.step.id}`,
    );
  });

  it("says nothing while the cell is still on the board", () => {
    const b = board();
    const before = b.read();
    b.editor.updatePhase(b.step.phaseId, { name: "Renamed" });
    b.editor.deleteTouchpoint(before.touchpoints[1]!.id);
    expect(deletedContainerOf(before, b.read(), b.cell)).toBeNull();
  });
});

describe("who deleted it, through presence", () => {
  it("finds the person whose board announced the delete, and never ourselves", () => {
    const b = board();
    const alice = new Awareness(b.doc);
    let announced: string[] = [];
    b.doc.on("afterTransaction", (tr: Y.Transaction) => {
      announced = removedEntities(b.doc, tr);
    });
    b.editor.deletePhase(b.step.phaseId);
    expect(announced).toContain(`phase:${b.step.phaseId}`);
    expect(announced).toContain(`touchpoint:${b.step.id}`);
    presenceWriter(alice).removed(announced);
    alice.setLocalStateField("user", { name: "Alice", colour: "#2563eb" });
    const states = alice.getStates() as ReadonlyMap<number, Record<string, unknown>>;
    const key = `phase:${b.step.phaseId}`;
    expect(readRemovedBy(states, 99, key)?.name).toBe("Alice");
    expect(readRemovedBy(states, alice.clientID, key)).toBeNull();
    expect(readRemovedBy(states, 99, "phase:other")).toBeNull();
    alice.destroy();
  });
});
