import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { builtInLaneId, cellRootName, emotionKey, LOCAL_ORIGIN } from "../src/index.ts";
import { createBoardUndoManager, MapEditor } from "../src/MapEditor.ts";
import { seededMap, updatesDuring } from "./support/seededMap.ts";

describe("mutations", () => {
  it("adds, renames, moves and deletes phases", () => {
    const { editor, map } = seededMap();
    const id = editor.addPhase({ name: "Research", index: 1 });
    expect(map().phases[1]).toMatchObject({ id, name: "Research" });
    editor.updatePhase(id, { name: "Evaluate", colour: "#112233" });
    expect(map().phases[1]).toMatchObject({ name: "Evaluate", colour: "#112233" });
    editor.movePhase(id, 0);
    expect(map().phases[0]?.id).toBe(id);
    editor.movePhase(id, 6);
    expect(map().phases.at(-1)?.id).toBe(id);
    expect(editor.deletePhase(id)).toBe(true);
    expect(map().phases.map((p) => p.id)).not.toContain(id);
    expect(editor.deletePhase(id)).toBe(false); // INV-M3
  });

  it("INV-O3: moves a touchpoint within and across phases with one position value", () => {
    const { doc, editor, map } = seededMap();
    const [a, b] = map().phases;
    const t1 = editor.addTouchpoint({ phaseId: a!.id, name: "One", channel: "email" });
    editor.moveTouchpoint(t1, b!.id, 0);
    expect(map().touchpointsByPhase.get(b!.id)?.[0]?.id).toBe(t1);
    const stored = doc.getMap("touchpoints").get(t1) as Y.Map<unknown>;
    expect(stored.get("pos")).toEqual({ parent: b!.id, key: expect.any(String) });
  });

  it("INV-M1: rejects invalid input instead of writing it", () => {
    const { editor, map } = seededMap();
    const phase = map().phases[0]!;
    expect(() => editor.updatePhase(phase.id, { colour: "blue" })).toThrow(/colour/);
    expect(() => editor.addTouchpoint({ phaseId: phase.id, channel: "fax" as "email" })).toThrow(
      /channel/,
    );
    const tp = map().touchpoints[0]!;
    const persona = map().personas[0]!;
    editor.setEmotion(persona.id, tp.id, 17);
    expect(map().emotions.get(emotionKey(persona.id, tp.id))?.score).toBe(3);
  });

  it("INV-X1, INV-X4: deleting a phase deletes its touchpoints with their cards and curve points, and hides their cells", () => {
    const { doc, editor, map } = seededMap();
    const phase = map().phases.find((p) => p.name === "Onboarding")!;
    const tps = map().touchpointsByPhase.get(phase.id)!;
    const tp = tps[0]!;
    editor.setCellText(builtInLaneId("actions"), tp.id, "Clicks invite");
    expect(map().cardsByTouchpoint.get(tp.id)?.length).toBeGreaterThan(0);
    editor.deletePhase(phase.id);
    const after = map();
    expect(after.touchpoints.find((t) => t.id === tp.id)).toBeUndefined();
    expect(after.cardsByTouchpoint.has(tp.id)).toBe(false);
    expect(after.unassignedCards).toEqual([]);
    expect([...after.emotions.values()].some((e) => e.touchpointId === tp.id)).toBe(false);
    expect(doc.getMap("cards").size).toBe(
      [...after.cardsByTouchpoint.values()].reduce((n, l) => n + l.length, 0),
    );
    const cell = cellRootName(builtInLaneId("actions"), tp.id);
    expect(after.cells.has(cell)).toBe(false);
    // The text stays in the document, for undo and restore (INV-X5).
    expect(doc.getXmlFragment(cell).length).toBeGreaterThan(0);
  });

  it("INV-X2: deleting a persona deletes its emotion curve only", () => {
    const { editor, map } = seededMap();
    const persona = map().personas[0]!;
    const other = editor.addPersona({ name: "Sam" });
    const tp = map().touchpoints[0]!;
    editor.setEmotion(other, tp.id, -2);
    editor.deletePersona(persona.id);
    const after = map();
    expect([...after.emotions.values()].map((e) => e.personaId)).toEqual([other]);
    expect(after.touchpoints.length).toBeGreaterThan(0);
  });

  it("INV-X3: custom lanes can be deleted, hiding their cells; built-in lanes only hidden", () => {
    const { doc, editor, map } = seededMap();
    const lane = editor.addLane({ name: "Backstage", index: 2 });
    expect(map().lanes[2]?.id).toBe(lane);
    const tp = map().touchpoints[0]!;
    editor.setCellText(lane, tp.id, "CRM sync");
    expect(map().cells.get(cellRootName(lane, tp.id))?.text).toBe("CRM sync");
    expect(editor.deleteLane(builtInLaneId("thoughts"))).toBe(false);
    editor.updateLane(builtInLaneId("thoughts"), { hidden: true });
    expect(map().lanes.find((l) => l.kind === "thoughts")?.hidden).toBe(true);
    expect(editor.deleteLane(lane)).toBe(true);
    expect(map().lanes.find((l) => l.id === lane)).toBeUndefined();
    expect(map().cells.has(cellRootName(lane, tp.id))).toBe(false);
    expect(doc.getXmlFragment(cellRootName(lane, tp.id)).length).toBeGreaterThan(0);
  });

  it("INV-M5: every mutation is one transaction with the caller's origin", () => {
    const { doc, editor, map } = seededMap();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    editor.deletePhase(map().phases[0]!.id);
    editor.addTouchpoint({ phaseId: map().phases[0]!.id, name: "x" });
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN]);
  });

  it("INV-M6: board undo reverts the local user's edits only", () => {
    const { doc, editor, map } = seededMap();
    const undo = createBoardUndoManager(doc);
    const phase = map().phases[0]!;
    editor.updatePhase(phase.id, { name: "Mine" });
    undo.stopCapturing();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    new MapEditor(remote, { origin: { kind: "local" } }).updatePhase(map().phases[1]!.id, {
      name: "Theirs",
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), "remote");
    undo.undo();
    expect(map().phases[0]?.name).toBe(phase.name);
    expect(map().phases[1]?.name).toBe("Theirs");
    undo.redo();
    expect(map().phases[0]?.name).toBe("Mine");
  });

  it("INV-M2: does not write unchanged fields (no update for a no-op rename)", () => {
    const { doc, editor, map } = seededMap();
    const phase = map().phases[0]!;
    expect(updatesDuring(doc, () => editor.updatePhase(phase.id, { name: phase.name }))).toBe(0);
  });
});
