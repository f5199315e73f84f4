import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  applyMerge,
  createBoardUndoManager,
  LOCAL_ORIGIN,
  MapEditor,
  pickChanges,
  planMerge,
  readJourneyMap,
  sequentialIds,
} from "../../src/index.ts";
import { seededMap } from "../support/seededMap.ts";
import { copyOf } from "./mergeSupport.ts";

const ctx = { origin: LOCAL_ORIGIN };

/** The original, its state at the branch moment, and the branch (a copy edited apart). */
function branchedMap() {
  const original = seededMap();
  const base = copyOf(original.doc);
  const branch = copyOf(original.doc);
  const branchEditor = new MapEditor(branch, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") });
  return { ...original, base, branch, branchEditor, branchMap: () => readJourneyMap(branch) };
}

describe("merging one part of a branch back (issue 17)", () => {
  it("INV-B2: brings one phase's changes and nothing from other phases", () => {
    const m = branchedMap();
    const [first, second] = m.branchMap().phases;
    const step = m.branchMap().touchpointsByPhase.get(first!.id)![0]!;
    m.branchEditor.updatePhase(first!.id, { name: "Discover (to-be)" });
    m.branchEditor.updateTouchpoint(step.id, { team: "Onboarding" });
    const added = m.branchEditor.addTouchpoint({ phaseId: first!.id, name: "Self-serve sign-up" });
    m.branchEditor.updatePhase(second!.id, { name: "Not this one" });
    // The original goes on meanwhile.
    m.editor.updateMeta({ title: "As-is, edited" });

    const plan = planMerge(m.base, m.doc, m.branch);
    const result = applyMerge(
      m.doc,
      m.base,
      m.branch,
      { picked: pickChanges(plan, [{ kind: "phase", id: first!.id }]) },
      ctx,
    );
    expect(result.written).toBe(3);
    const map = m.map();
    expect(map.meta.title).toBe("As-is, edited");
    expect(map.phases.map((p) => p.name).slice(0, 2)).toEqual(["Discover (to-be)", second!.name]);
    expect(map.touchpoints.find((t) => t.id === step.id)?.team).toBe("Onboarding");
    expect(map.touchpointsByPhase.get(first!.id)?.map((t) => t.id)).toContain(added);
  });

  it("INV-B4: a field both sides changed is a conflict with both values; without a choice it is not written", () => {
    const m = branchedMap();
    const phase = m.map().phases[0]!;
    m.editor.updatePhase(phase.id, { name: "Ours" });
    m.branchEditor.updatePhase(phase.id, { name: "Theirs" });
    const plan = planMerge(m.base, m.doc, m.branch);
    const conflict = plan.byId.get(`phases/${phase.id}/name`)!;
    expect(conflict).toMatchObject({
      conflict: "bothChanged",
      ours: "Ours",
      theirs: "Theirs",
      base: phase.name,
    });
    const picked = pickChanges(plan, [{ kind: "all" }]);

    const unresolved = applyMerge(m.doc, m.base, m.branch, { picked }, ctx);
    expect(unresolved.unresolved.map((c) => c.id)).toEqual([conflict.id]);
    expect(m.map().phases[0]!.name).toBe("Ours");

    applyMerge(
      m.doc,
      m.base,
      m.branch,
      { picked, choices: new Map([[conflict.id, "theirs"]]) },
      ctx,
    );
    expect(m.map().phases[0]!.name).toBe("Theirs");
    // Once the original holds the branch's value, there is nothing left to merge.
    expect(planMerge(m.base, m.doc, m.branch).changes).toEqual([]);
  });

  it("INV-B4: a change that became a conflict after the person looked is reported, not written", () => {
    const m = branchedMap();
    const phase = m.map().phases[0]!;
    m.branchEditor.updatePhase(phase.id, { name: "Theirs" });
    const plan = planMerge(m.base, m.doc, m.branch);
    expect(plan.byId.get(`phases/${phase.id}/name`)?.conflict).toBeNull();
    // Someone renames the phase in the original while the merge dialog is open.
    m.editor.updatePhase(phase.id, { name: "Meanwhile" });
    const result = applyMerge(
      m.doc,
      m.base,
      m.branch,
      { picked: pickChanges(plan, [{ kind: "all" }]) },
      ctx,
    );
    expect(result.unresolved.map((c) => c.id)).toEqual([`phases/${phase.id}/name`]);
    expect(m.map().phases[0]!.name).toBe("Meanwhile");
  });

  it("INV-B4: a step deleted in the original but edited in the branch is a conflict, restorable by choice", () => {
    const m = branchedMap();
    const step = m.map().touchpoints[0]!;
    m.editor.deleteTouchpoint(step.id);
    m.branchEditor.updateTouchpoint(step.id, { name: "Kept in the branch" });
    const plan = planMerge(m.base, m.doc, m.branch);
    const conflict = plan.byId.get(`touchpoints/${step.id}`)!;
    expect(conflict.conflict).toBe("deletedHere");
    applyMerge(
      m.doc,
      m.base,
      m.branch,
      { picked: new Set([conflict.id]), choices: new Map([[conflict.id, "theirs"]]) },
      ctx,
    );
    expect(m.map().touchpoints.find((t) => t.id === step.id)?.name).toBe("Kept in the branch");
  });

  it("INV-B5: picking a new step brings its new phase; a persona's curve brings only that curve", () => {
    const m = branchedMap();
    const phase = m.branchEditor.addPhase({ name: "Activate" });
    const step = m.branchEditor.addTouchpoint({ phaseId: phase, name: "First report" });
    const [priya, other] = m.branchMap().personas;
    const tp = m.branchMap().touchpoints[0]!.id;
    m.branchEditor.setEmotion(priya!.id, tp, -1, "better");
    if (other) m.branchEditor.setEmotion(other.id, tp, 2);

    const plan = planMerge(m.base, m.doc, m.branch);
    const stepPick = pickChanges(plan, [{ kind: "touchpoint", id: step }]);
    expect([...stepPick].sort()).toEqual([`phases/${phase}`, `touchpoints/${step}`].sort());
    const curve = pickChanges(plan, [{ kind: "curve", personaId: priya!.id }]);
    expect([...curve]).toEqual([`emotions/${priya!.id}/${tp}`]);
    applyMerge(m.doc, m.base, m.branch, { picked: curve }, ctx);
    expect(m.map().emotions.get(`${priya!.id}/${tp}`)).toMatchObject({ score: -1, note: "better" });
    if (other) expect(m.map().emotions.get(`${other.id}/${tp}`)?.score).not.toBe(2);
  });

  it("INV-B6: a merge is one undoable step of the person who merged, cells included", () => {
    const m = branchedMap();
    const branchMap = m.branchMap();
    const lane = branchMap.lanes.find((l) => l.type === "text")!;
    const tp = branchMap.touchpoints[0]!;
    m.branchEditor.setCellText(lane.id, tp.id, "A cell written in the branch");
    m.branchEditor.updatePhase(branchMap.phases[0]!.id, { name: "Renamed in branch" });
    m.branchEditor.deleteTouchpoint(branchMap.touchpoints.at(-1)!.id);
    const before = JSON.stringify(readJourneyMap(m.doc), mapsAsObjects);
    const undo = createBoardUndoManager(m.doc);
    let updates = 0;
    m.doc.on("update", () => updates++);
    const plan = planMerge(m.base, m.doc, m.branch);
    applyMerge(m.doc, m.base, m.branch, { picked: pickChanges(plan, [{ kind: "all" }]) }, ctx, {
      undo,
    });
    expect(updates).toBe(1);
    expect(m.map().cells.get(`cell/${lane.id}/${tp.id}`)?.text).toBe(
      "A cell written in the branch",
    );
    undo.undo();
    expect(JSON.stringify(readJourneyMap(m.doc), mapsAsObjects)).toBe(before);
  });
});

function mapsAsObjects(_key: string, value: unknown) {
  return value instanceof Map ? Object.fromEntries(value) : value instanceof Y.Doc ? null : value;
}
