import { describe, expect, it } from "vitest";
import {
  alignOrder,
  compareFigures,
  compareMaps,
  describeFigures,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  sequentialIds,
} from "../../src/index.ts";
import { seededMap } from "../support/seededMap.ts";
import { copyOf } from "./mergeSupport.ts";

describe("aligning two orders by identity (issue 17)", () => {
  it("INV-B8: keeps the to-be order, puts removed ids after their left neighbour, marks only what moved", () => {
    const { order, moved } = alignOrder(["a", "b", "c", "d", "e"], ["a", "c", "d", "b", "x"]);
    expect(order).toEqual(["a", "c", "d", "e", "b", "x"]);
    expect([...moved]).toEqual(["b"]);
    expect(alignOrder(["a", "b"], ["a", "b"]).moved.size).toBe(0);
  });
});

describe("comparing a map with its branch (issue 17)", () => {
  function asIsToBe() {
    const original = seededMap();
    const branch = copyOf(original.doc);
    const editor = new MapEditor(branch, { origin: LOCAL_ORIGIN, ids: sequentialIds("b") });
    return { original, branch, editor, toBe: () => readJourneyMap(branch) };
  }

  it("INV-B8: marks added, removed, moved and changed steps, cards and curve points, aligned by id", () => {
    const m = asIsToBe();
    const map = m.toBe();
    const [first, second] = map.phases;
    const [s1, s2] = map.touchpointsByPhase.get(first!.id)!;
    const persona = map.personas[0]!;
    m.editor.updateTouchpoint(s1!.id, { name: "Renamed" });
    m.editor.moveTouchpoint(s2!.id, second!.id, 0);
    const added = m.editor.addTouchpoint({ phaseId: first!.id, name: "New" });
    const removed = map.touchpoints.at(-1)!;
    m.editor.deleteTouchpoint(removed.id);
    m.editor.setEmotion(persona.id, s1!.id, 5);

    const cmp = compareMaps(m.original.map(), m.toBe());
    const step = (id: string) =>
      cmp.phases
        .flatMap((p) => p.steps.map((s) => ({ ...s, phase: p.id })))
        .find((s) => s.id === id)!;
    expect(step(s1!.id)).toMatchObject({ presence: "both", changed: ["name"], moved: false });
    expect(step(s2!.id)).toMatchObject({ presence: "both", moved: true, phase: second!.id });
    expect(step(added)).toMatchObject({ presence: "added", left: null });
    expect(step(removed.id)).toMatchObject({ presence: "removed", right: null });
    expect(step(s1!.id).points.find((p) => p.personaId === persona.id)?.changed).toBe(true);
    // Cards of a removed step are removed with it.
    const cardsOfRemoved = m.original.map().cardsByTouchpoint.get(removed.id)?.length ?? 0;
    expect(step(removed.id).cards.filter((c) => c.presence === "removed")).toHaveLength(
      cardsOfRemoved,
    );
    expect(cmp.counts.added).toBe(1);
    expect(cmp.counts.moved).toBe(1);
    // Each step appears exactly once.
    const ids = cmp.phases.flatMap((p) => p.steps.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(
      new Set([...m.original.map().touchpoints, ...m.toBe().touchpoints].map((t) => t.id)),
    );
  });

  it("gives the journey figures side by side and says the difference in one sentence", () => {
    const m = asIsToBe();
    const map = m.toBe();
    const persona = map.personas[0]!;
    for (const [i, tp] of map.touchpoints.entries())
      m.original.editor.setEmotion(persona.id, tp.id, i === 1 ? -3 : 1);
    for (const tp of map.touchpoints) m.editor.setEmotion(persona.id, tp.id, 1);
    m.editor.setEmotion(persona.id, map.touchpoints[1]!.id, -1);
    m.editor.deleteTouchpoint(map.touchpoints[2]!.id);
    m.editor.deleteTouchpoint(map.touchpoints[3]!.id);

    const figures = compareFigures(m.original.map(), m.toBe());
    expect(figures.steps).toEqual({
      left: map.touchpoints.length,
      right: map.touchpoints.length - 2,
    });
    const p = figures.personas.find((x) => x.personaId === persona.id)!;
    expect(p.low).toEqual({ left: -3, right: -1 });
    expect(describeFigures(figures, "To-be")).toContain("To-be removes 2 steps");
    expect(describeFigures(figures, "To-be")).toContain(
      `${persona.name}'s lowest point rises from −3 to −1`,
    );
    expect(describeFigures(compareFigures(m.toBe(), m.toBe()), "To-be")).toBe(
      "To-be has the same figures",
    );
  });
});
