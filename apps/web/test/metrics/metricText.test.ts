import type { Lane, LaneId, MetricCell, TouchpointId } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { laneValueText } from "../../src/board/laneValueText.ts";
import { metricBlock } from "../../src/metrics/metricSvg.ts";
import { formatMetric, metricStatus, metricText } from "../../src/metrics/metricText.ts";
import { sparkline } from "../../src/metrics/sparkline.ts";

const lane = (preset: Lane["preset"], unit: string): Lane => ({
  id: "lane-m" as LaneId,
  key: "a",
  kind: "text",
  name: "Conversion",
  hidden: false,
  type: "metric",
  unit,
  preset,
  values: new Map<TouchpointId, MetricCell>(),
});
const cell = (value: number | null, target: number | null, series: number[] = []): MetricCell => ({
  kind: "metric",
  value,
  target,
  series: series.map((v, i) => ({ at: `2026-12-0${i + 1}T00:00:00.000Z`, value: v })),
});

describe("metrics as words", () => {
  it("formats values in the lane's unit", () => {
    expect(formatMetric(31.25, "percent")).toBe("31.3 %");
    expect(formatMetric(95, "seconds")).toBe("95 s");
    expect(formatMetric(1204, "count")).toBe("1,204");
  });

  it("says value against target, and the status by the metric's direction", () => {
    const conversion = lane("conversion", "percent");
    expect(laneValueText(conversion, cell(31, 40))).toBe("31 % · target 40 %");
    expect(metricText(conversion, cell(null, 40))).toBe("target 40 %");
    expect(metricStatus(conversion, cell(31, 40))).toBe("missed");
    expect(metricStatus(conversion, cell(41, 40))).toBe("met");
    expect(metricStatus(conversion, cell(41, null))).toBe("none");
    // Drop-off: lower is better.
    expect(metricStatus(lane("dropOff", "percent"), cell(41, 40))).toBe("missed");
  });
});

describe("sparkline", () => {
  it("spreads values across the width and puts the target inside the range", () => {
    const { points, targetY } = sparkline([10, 20, 30], 100, 20, 40);
    expect(points).toBe("0,18.5 50,12.8 100,7.2");
    expect(targetY).toBe(1.5);
    expect(sparkline([5], 100, 20).points).toBe("");
    expect(sparkline([5, 5], 100, 20).points).toBe("0,18.5 100,18.5");
  });

  it("draws the metric's text and line into the exported map", () => {
    const svg = metricBlock(lane("conversion", "percent"), cell(34, 40, [25, 31, 34]), 200).draw(
      0,
      0,
      200,
    );
    expect(svg).toContain("34 % · target 40 %");
    expect(svg).toContain("<polyline");
    expect(svg).toContain('stroke="#f97316"');
  });
});
