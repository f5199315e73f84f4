import {
  createMapFromTemplate,
  LOCAL_ORIGIN,
  MapEditor,
  planMerge,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  buildMergeTree,
  changeLabel,
  fieldName,
  idsUnder,
  showValue,
} from "../../src/branches/mergeTree.ts";

function branched() {
  const original = new Y.Doc();
  createMapFromTemplate(original, "default", { ids: sequentialIds("t"), now: () => 1 });
  const copy = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(original));
    return doc;
  };
  const base = copy();
  const branch = copy();
  return {
    original,
    base,
    branch,
    editor: new MapEditor(branch, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") }),
  };
}

describe("the merge dialog's tree (issue 17)", () => {
  it("groups changes under their phase and step, and each persona's curve, with every change reachable", () => {
    const m = branched();
    const map = readJourneyMap(m.branch);
    const phase = map.phases[0]!;
    const step = map.touchpointsByPhase.get(phase.id)![0]!;
    const persona = map.personas[0]!;
    m.editor.updatePhase(phase.id, { name: "Discover" });
    m.editor.updateTouchpoint(step.id, { team: "Growth" });
    m.editor.setEmotion(persona.id, step.id, 3);
    const plan = planMerge(m.base, m.original, m.branch);
    const tree = buildMergeTree(plan, readJourneyMap(m.original), readJourneyMap(m.branch));

    const phaseNode = tree.find((n) => n.key === `phase:${phase.id}`)!;
    expect(phaseNode.label).toBe("Phase “Discover”");
    expect(phaseNode.children.map((c) => c.key)).toEqual([`step:${step.id}`]);
    const curve = tree.find((n) => n.key === `curve:${persona.id}`)!;
    expect(idsUnder(curve)).toEqual([`emotions/${persona.id}/${step.id}`]);
    // The point is under its step too; every change is somewhere in the tree.
    expect(idsUnder(phaseNode)).toContain(`emotions/${persona.id}/${step.id}`);
    expect(new Set(tree.flatMap(idsUnder))).toEqual(new Set(plan.changes.map((c) => c.id)));
  });

  it("shows stored values as people read them", () => {
    expect(showValue(undefined)).toBe("—");
    expect(showValue({ score: -2, note: "slow" })).toBe("−2 · slow");
    expect(showValue(["website", "WhatsApp"])).toBe("Website, WhatsApp");
  });

  it("names a sub-journey link made in the branch as people read it (issue 19)", () => {
    const m = branched();
    const step = readJourneyMap(m.branch).touchpoints[0]!;
    m.editor.updateTouchpoint(step.id, { subMapId: "onboarding-map-1" });
    const plan = planMerge(m.base, m.original, m.branch);
    const link = plan.changes.find((c) => c.id === `touchpoints/${step.id}/subMapId`)!;
    const names = { phase: String, step: String, card: String, persona: String, lane: String };
    expect(changeLabel(link, names)).toBe("sub-journey");
    expect(fieldName("libraryOpportunityId")).toBe("library opportunity");
  });
});
