import { describe, expect, it } from "vitest";
import { evidenceOverview, readJourneyMap, SENTIMENT_GAP } from "../src/index.ts";
import { seededMap } from "./support/seededMap.ts";

describe("evidence overview", () => {
  it("counts evidence per step and pain point, most first; the rest are assumptions", () => {
    const { doc, editor, map: read } = seededMap(() => 2);
    const map = read();
    const [first, second, third] = map.touchpoints;
    const pains = map.touchpoints.flatMap((t) =>
      (map.cardsByTouchpoint.get(t.id) ?? []).filter((c) => c.kind === "painPoint"),
    );
    const [pain, otherPain] = pains;
    if (!first || !second || !third || !pain || !otherPain) throw new Error("template changed");
    const on = (kind: "touchpoint" | "card", id: string, sentiment: number | null) =>
      editor.addEvidence({ kind: "ticket", text: "t", sentiment, target: { kind, id } });
    on("touchpoint", first.id, -1);
    on("card", otherPain.id, -3);
    on("card", otherPain.id, null);
    on("touchpoint", second.id, null);

    const o = evidenceOverview(readJourneyMap(doc));
    expect(o.total).toBe(4);
    const stepOf = (id: string) => o.steps.find((s) => s.touchpointId === id);
    // A pain point's evidence counts for its step too.
    expect(stepOf(otherPain.touchpointId)?.tally).toMatchObject({ total: 2, sentiment: -3 });
    expect(o.steps[0]?.touchpointId).toBe(otherPain.touchpointId);
    expect(o.steps.map((s) => s.tally.total)).toEqual(
      [...o.steps.map((s) => s.tally.total)].sort((a, b) => b - a),
    );
    expect(o.painPoints.map((p) => [p.cardId, p.tally.total])).toEqual([
      [otherPain.id, 2],
      [pain.id, 0],
    ]);
    const backed = new Set(o.steps.map((s) => s.touchpointId));
    expect(o.assumedSteps).toEqual(
      map.touchpoints.filter((t) => !backed.has(t.id)).map((t) => t.id),
    );
    expect(o.assumedSteps).not.toContain(first.id);
    expect(o.assumedSteps).toContain(third.id);
  });

  it("sets the customers' sentiment beside each persona's assumed score", () => {
    const { doc, editor, map: read } = seededMap(() => 2);
    const map = read();
    const persona = map.personas[0];
    const step = map.touchpoints[0];
    if (!persona || !step) throw new Error("template changed");
    editor.setEmotion(persona.id, step.id, 2);
    const ev = (sentiment: number | null) =>
      editor.addEvidence({
        kind: "quote",
        text: "q",
        sentiment,
        target: { kind: "touchpoint", id: step.id },
      });
    ev(null);
    let s = evidenceOverview(readJourneyMap(doc)).steps[0];
    expect(s?.assumed).toEqual([]); // no sentiment in the evidence: nothing to compare
    ev(-2);
    ev(-1);
    s = evidenceOverview(readJourneyMap(doc)).steps[0];
    expect(s?.tally.sentiment).toBe(-1.5);
    expect(s?.assumed).toEqual([{ personaId: persona.id, score: 2, gap: -3.5 }]);
    expect(Math.abs(s?.assumed[0]?.gap ?? 0)).toBeGreaterThanOrEqual(SENTIMENT_GAP);
  });

  it("counts evidence whose step was deleted as unassigned, not on any step", () => {
    const { doc, editor, map: read } = seededMap(() => 2);
    const map = read();
    const step = map.touchpoints[0];
    if (!step) throw new Error("template changed");
    editor.addEvidence({ kind: "metric", text: "m", target: { kind: "touchpoint", id: step.id } });
    editor.deleteTouchpoint(step.id);
    const o = evidenceOverview(readJourneyMap(doc));
    expect(o).toMatchObject({ total: 1, unassigned: 1, steps: [] });
  });
});
