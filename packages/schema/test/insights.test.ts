import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { createMapFromTemplate, readJourneyMap, sequentialIds } from "../src/index.ts";
import { channelPhaseMatrix, journeyInsights } from "../src/insights/journeyInsights.ts";

function templateMap(id: string) {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, id, { ids: sequentialIds("t") });
  return readJourneyMap(doc);
}

describe("journey insights", () => {
  it("counts steps, channel switches and hand-offs along the journey", () => {
    const map = templateMap("support-ticket");
    const insights = journeyInsights(map);
    expect(insights.totalSteps).toBe(8);
    expect(insights.stepsPerPhase.map((p) => p.steps)).toEqual([1, 2, 3, 2]);
    // mobileApp → website → liveChat → supportTicket → email → phone → email (twice)
    expect(insights.channelSwitches.map((s) => s.after)).toEqual([
      "website",
      "liveChat",
      "supportTicket",
      "email",
      "phone",
      "email",
    ]);
    // Billing → Support → Billing → Support → Billing → Support
    expect(insights.handOffs).toHaveLength(5);
  });

  it("finds each persona's lowest points and the pain-point hotspots", () => {
    const map = templateMap("support-ticket");
    const insights = journeyInsights(map);
    const names = (ids: readonly string[]) =>
      ids.map((id) => map.touchpoints.find((t) => t.id === id)?.name);
    expect(insights.lowPoints).toHaveLength(1);
    expect(insights.lowPoints[0]?.score).toBe(-3);
    expect(names(insights.lowPoints[0]!.touchpointIds)).toEqual([
      "Tries the chatbot",
      "Passed to billing",
    ]);
    expect(insights.hotspotsByPhase[0]).toMatchObject({
      label: "Seek help",
      painPoints: 2,
      severity: 8,
    });
    expect(insights.hotspotsByChannel.map((h) => h.key)).toContain("liveChat");
  });

  it("lays touchpoints out by channel and phase", () => {
    const map = templateMap("ecommerce-purchase");
    const matrix = channelPhaseMatrix(map);
    const total = [...matrix.values()].flatMap((row) => [...row.values()]).flat().length;
    expect(total).toBe(map.touchpoints.length);
    expect(matrix.get("mobileApp")?.size).toBeGreaterThan(1);
  });
});
