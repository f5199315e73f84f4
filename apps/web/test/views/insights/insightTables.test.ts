import {
  channelPhaseMatrix,
  createMapFromTemplate,
  journeyInsights,
  MapEditor,
  readJourneyMap,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  channelRows,
  painHeatTable,
  shade,
  usedChannels,
} from "../../../src/views/insights/insightTables.ts";

function template(id: string) {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, id);
  return { doc, map: readJourneyMap(doc) };
}

describe("pain-point heat table", () => {
  it("agrees with the hotspots by phase and by channel", () => {
    for (const id of ["saas-trial", "ecommerce-purchase", "support-ticket", "default"]) {
      const { map } = template(id);
      const heat = painHeatTable(map);
      const insights = journeyInsights(map);
      for (const row of heat.rows) {
        const spot = insights.hotspotsByPhase.find((h) => h.key === row.phase.id);
        expect(row.total.severity).toBe(spot?.severity ?? 0);
        expect(row.total.painPoints).toBe(spot?.painPoints ?? 0);
      }
      heat.channels.forEach((channel, i) => {
        const spot = insights.hotspotsByChannel.find((h) => h.key === channel);
        expect(heat.channelTotals[i]?.severity).toBe(spot?.severity ?? 0);
      });
      expect(heat.max).toBe(
        Math.max(0, ...heat.rows.flatMap((r) => r.cells.map((c) => c.severity))),
      );
    }
  });

  it("leaves out dismissed pain points and opportunities", () => {
    const { doc, map } = template("blank");
    const editor = new MapEditor(doc);
    const phaseId = editor.addPhase({ name: "Buy" });
    const tp = editor.addTouchpoint({ phaseId, name: "Pay", channel: "email" });
    editor.addCard({ kind: "painPoint", touchpointId: tp, title: "Card declined", rating: 4 });
    const dismissed = editor.addCard({
      kind: "painPoint",
      touchpointId: tp,
      title: "x",
      rating: 5,
    });
    editor.updateCard(dismissed, { status: "dismissed" });
    editor.addCard({ kind: "opportunity", touchpointId: tp, title: "Save card", rating: 5 });
    expect(painHeatTable(map).total).toEqual({ painPoints: 0, severity: 0 });
    const heat = painHeatTable(readJourneyMap(doc));
    expect(heat.channels).toEqual(["email"]);
    expect(heat.total).toEqual({ painPoints: 1, severity: 4 });
    expect(heat.max).toBe(4);
  });
});

describe("channels × phases", () => {
  it("lists each used channel with its steps per phase, matching the matrix", () => {
    const { map } = template("support-ticket");
    const { rows, max } = channelRows(map);
    const matrix = channelPhaseMatrix(map);
    expect(rows.map((r) => r.channel)).toEqual(usedChannels(map));
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(map.touchpoints.length);
    for (const row of rows) {
      map.phases.forEach((phase, i) => {
        expect(row.cells[i]?.map((t) => t.id)).toEqual(
          matrix.get(row.channel)?.get(phase.id) ?? [],
        );
      });
    }
    expect(max).toBeGreaterThan(0);
  });
});

describe("shade", () => {
  it("maps a value onto five steps with zero kept for nothing", () => {
    expect(shade(0, 10)).toBe(0);
    expect(shade(1, 10)).toBe(1);
    expect(shade(5, 10)).toBe(2);
    expect(shade(10, 10)).toBe(4);
    expect(shade(3, 0)).toBe(0);
  });
});
