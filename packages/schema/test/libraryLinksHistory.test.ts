/**
 * The links of issue 19 (a step's sub-journey, a persona's library persona, a card's library
 * opportunity) are changes like any other: history names them, the branch comparison marks
 * them and a merge brings them over.
 */
import { describe, expect, it } from "vitest";
import {
  applyMerge,
  compareMaps,
  countChanges,
  diffMaps,
  LOCAL_ORIGIN,
  MapEditor,
  pickChanges,
  planMerge,
  readJourneyMap,
  sequentialIds,
} from "../src/index.ts";
import { copyOf } from "./branch/mergeSupport.ts";
import { seededMap } from "./support/seededMap.ts";

const SUB_MAP = "sub-map-0001";

function linkable() {
  const m = seededMap();
  const map = m.map();
  return {
    ...m,
    step: map.touchpoints[0]!,
    persona: map.personas[0]!,
    card: map.cardsByTouchpoint.get(map.touchpoints[0]!.id)?.[0] ?? null,
  };
}

describe("links to other maps and the library in history (issue 19)", () => {
  it("names linking and unlinking a sub-journey, a library persona and a library opportunity", () => {
    const m = linkable();
    const cardId =
      m.card?.id ?? m.editor.addCard({ touchpointId: m.step.id, kind: "painPoint", title: "Slow" });
    const before = m.map();
    m.editor.updateTouchpoint(m.step.id, { subMapId: SUB_MAP });
    m.editor.linkPersona(m.persona.id, "lib-persona-1");
    m.editor.linkCard(cardId, "lib-opp-1");
    const linkedMap = m.map();
    const linked = diffMaps(before, linkedMap);
    expect(linked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: "touchpoint",
          change: "linked",
          id: m.step.id,
          detail: SUB_MAP,
          target: `touchpoint:${m.step.id}`,
        }),
        expect.objectContaining({ entity: "persona", change: "linked", detail: "lib-persona-1" }),
        expect.objectContaining({
          entity: "card",
          change: "linked",
          id: cardId,
          detail: "lib-opp-1",
        }),
      ]),
    );
    // A link is not also an "edit" of the persona.
    expect(linked.filter((c) => c.entity === "persona").map((c) => c.change)).toEqual(["linked"]);
    expect(countChanges(linked).linked).toBe(3);

    m.editor.updateTouchpoint(m.step.id, { subMapId: null });
    m.editor.linkPersona(m.persona.id, null);
    m.editor.linkCard(cardId, null);
    const unlinked = diffMaps(linkedMap, m.map());
    expect(unlinked.map((c) => [c.entity, c.change, c.detail])).toEqual(
      expect.arrayContaining([
        ["touchpoint", "unlinked", SUB_MAP],
        ["persona", "unlinked", "lib-persona-1"],
        ["card", "unlinked", "lib-opp-1"],
      ]),
    );
    expect(unlinked).toHaveLength(3);
  });
});

describe("links in a branch (issue 19)", () => {
  it("the comparison marks a step's sub-journey and a card's library opportunity as changed", () => {
    const m = linkable();
    const cardId =
      m.card?.id ?? m.editor.addCard({ touchpointId: m.step.id, kind: "painPoint", title: "Slow" });
    const original = copyOf(m.doc);
    m.editor.updateTouchpoint(m.step.id, { subMapId: SUB_MAP });
    m.editor.linkCard(cardId, "lib-opp-1");
    const cmp = compareMaps(readJourneyMap(original), m.map());
    const step = cmp.phases.flatMap((p) => p.steps).find((s) => s.id === m.step.id)!;
    expect(step.changed).toEqual(["subMapId"]);
    expect(step.cards.find((c) => c.id === cardId)?.changed).toEqual(["libraryOpportunityId"]);
  });

  it("a merge brings a link made in the branch and an unlink, like any field", () => {
    const m = linkable();
    m.editor.linkPersona(m.persona.id, "lib-persona-1");
    const base = copyOf(m.doc);
    const branch = copyOf(m.doc);
    const editor = new MapEditor(branch, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") });
    editor.updateTouchpoint(m.step.id, { subMapId: SUB_MAP });
    editor.linkPersona(m.persona.id, null);
    const plan = planMerge(base, m.doc, branch);
    expect(plan.changes.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        `touchpoints/${m.step.id}/subMapId`,
        `personas/${m.persona.id}/libraryPersonaId`,
      ]),
    );
    const picked = pickChanges(plan, [{ kind: "touchpoint", id: m.step.id }]);
    for (const c of plan.changes)
      if (c.slot.kind === "field" && c.slot.root === "personas") picked.add(c.id);
    applyMerge(m.doc, base, branch, { picked }, { origin: LOCAL_ORIGIN });
    const map = m.map();
    expect(map.touchpoints.find((t) => t.id === m.step.id)?.subMapId).toBe(SUB_MAP);
    expect(map.personas.find((p) => p.id === m.persona.id)?.libraryPersonaId).toBeNull();
  });
});
