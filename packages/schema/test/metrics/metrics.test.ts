import { describe, expect, it } from "vitest";
import {
  importSnapshot,
  isMetricCell,
  type LaneId,
  LOCAL_ORIGIN,
  MAX_METRIC_POINTS,
  metricPointKey,
  rankMetricGaps,
  readJourneyMap,
  recordMetrics,
  resolveMetricRows,
  setMetricPreset,
  snapshotMap,
  toMetricInstant,
} from "../../src/index.ts";
import { mapFileSchema, readMapFile, serializeMapFile, toMapFile } from "../../src/format/index.ts";
import * as Y from "yjs";
import { seededMap, updatesDuring } from "../support/seededMap.ts";

const SERVER = { kind: "server", reason: "metrics" } as const;
const ctx = { origin: SERVER };

function metricMap() {
  const seeded = seededMap();
  const [first, second] = seeded.map().touchpoints;
  const conversion = seeded.editor.addLane({ name: "Conversion" });
  setMetricPreset(seeded.doc, conversion, { preset: "conversion" }, { origin: LOCAL_ORIGIN });
  const wait = seeded.editor.addLane({ name: "Wait" });
  setMetricPreset(seeded.doc, wait, { preset: "timeOnStep" }, { origin: LOCAL_ORIGIN });
  const cell = (lane: LaneId, step: string) => {
    const value = seeded
      .map()
      .lanes.find((l) => l.id === lane)!
      .values.get(step as never);
    return isMetricCell(value) ? value : undefined;
  };
  return { ...seeded, first: first!, second: second!, conversion, wait, cell };
}

describe("metric lanes", () => {
  it("INV-D9: a preset makes a lane a metric lane with its unit", () => {
    const m = metricMap();
    const lane = m.map().lanes.find((l) => l.id === m.conversion)!;
    expect(lane).toMatchObject({ type: "metric", unit: "percent", preset: "conversion" });
    expect(m.map().lanes.find((l) => l.id === m.wait)).toMatchObject({ unit: "seconds" });
  });

  it("INV-D9: a dated value appends to the series and the newest is the current value", () => {
    const m = metricMap();
    const step = m.first.id;
    recordMetrics(m.doc, [{ laneId: m.conversion, touchpointId: step, target: 40 }], ctx);
    recordMetrics(
      m.doc,
      [{ laneId: m.conversion, touchpointId: step, value: 31, at: "2026-12-02" }],
      ctx,
    );
    recordMetrics(
      m.doc,
      [{ laneId: m.conversion, touchpointId: step, value: 25, at: "2026-12-01" }],
      ctx,
    );
    expect(m.cell(m.conversion, step)).toEqual({
      kind: "metric",
      value: 31,
      target: 40,
      series: [
        { at: "2026-12-01T00:00:00.000Z", value: 25 },
        { at: "2026-12-02T00:00:00.000Z", value: 31 },
      ],
    });
    // The same date again replaces that point instead of adding one.
    recordMetrics(
      m.doc,
      [{ laneId: m.conversion, touchpointId: step, value: 33, at: "2026-12-02" }],
      ctx,
    );
    expect(m.cell(m.conversion, step)?.series).toHaveLength(2);
    expect(m.cell(m.conversion, step)?.value).toBe(33);
  });

  it("INV-M7: writing the same values again writes nothing (an API retry is harmless)", () => {
    const m = metricMap();
    const write = { laneId: m.conversion, touchpointId: m.first.id, value: 31, at: "2026-12-02" };
    expect(recordMetrics(m.doc, [write], ctx).changed).toBe(true);
    expect(updatesDuring(m.doc, () => recordMetrics(m.doc, [write], ctx))).toBe(0);
  });

  it("INV-D9: the series keeps the newest MAX_METRIC_POINTS points", () => {
    const m = metricMap();
    const start = Date.UTC(2020, 0, 1);
    const writes = Array.from({ length: MAX_METRIC_POINTS + 5 }, (_, i) => ({
      laneId: m.conversion,
      touchpointId: m.first.id,
      value: i % 100,
      at: new Date(start + i * 86_400_000).toISOString(),
    }));
    recordMetrics(m.doc, writes, ctx);
    const series = m.cell(m.conversion, m.first.id)!.series;
    expect(series).toHaveLength(MAX_METRIC_POINTS);
    expect(series[0]!.at).toBe(new Date(start + 5 * 86_400_000).toISOString());
    const lane = m.doc.getMap("lanes").get(m.conversion) as Y.Map<unknown>;
    expect(lane.has(metricPointKey(m.first.id, new Date(start).toISOString()))).toBe(false);
  });

  it.each([
    [{ value: 120 }, "Conversion (%) is from 0–100 %, not 120."],
    [{ value: -1 }, "Conversion (%) is from 0–100 %, not -1."],
    [{ target: Number.NaN }, "A target is a number."],
    [
      { value: 12, at: "2026-02-31" },
      '"2026-02-31" is not a date: write 2026-12-07 or 2026-12-07T09:30:00Z.',
    ],
    [
      { value: 12, at: "yesterday" },
      '"yesterday" is not a date: write 2026-12-07 or 2026-12-07T09:30:00Z.',
    ],
    [{ at: "2026-12-01" }, "A dated entry needs a value."],
    [{}, "Give a value or a target."],
  ])("INV-M7: refuses %o with a clear error and writes nothing", (input, message) => {
    const m = metricMap();
    const good = { laneId: m.conversion, touchpointId: m.second.id, value: 10 };
    const bad = { laneId: m.conversion, touchpointId: m.first.id, ...input };
    const updates = updatesDuring(m.doc, () => {
      expect(() => recordMetrics(m.doc, [good, bad], ctx)).toThrow(new RangeError(message));
    });
    expect(updates).toBe(0);
    expect(m.cell(m.conversion, m.second.id)).toBeUndefined();
  });

  it("INV-M7: refuses a lane that is not a metric lane, and a count that is not whole", () => {
    const m = metricMap();
    const text = m.editor.addLane({ name: "Notes" });
    expect(() =>
      recordMetrics(m.doc, [{ laneId: text, touchpointId: m.first.id, value: 1 }], ctx),
    ).toThrow(/is not a metric lane/);
    setMetricPreset(m.doc, text, { unit: "count" }, ctx);
    expect(() =>
      recordMetrics(m.doc, [{ laneId: text, touchpointId: m.first.id, value: 1.5 }], ctx),
    ).toThrow("This metric is a whole number (value 1.5).");
    expect(() => setMetricPreset(m.doc, text, { preset: "bogus" as never }, ctx)).toThrow(
      'There is no metric preset "bogus".',
    );
  });

  it("INV-R10: stored values outside the unit's range are clamped, bad points not shown", () => {
    const m = metricMap();
    const lane = m.doc.getMap("lanes").get(m.conversion) as Y.Map<unknown>;
    m.doc.transact(() => {
      lane.set(`value/${m.first.id}`, { value: 250, target: "high" });
      lane.set(metricPointKey(m.first.id, "2026-12-01T00:00:00.000Z"), -5);
      lane.set(metricPointKey(m.first.id, "not a date"), 5);
      lane.set(metricPointKey(m.first.id, "2026-12-02T00:00:00.000Z"), "7");
      lane.set(`value/${m.second.id}`, "garbage");
    });
    expect(m.cell(m.conversion, m.first.id)).toEqual({
      kind: "metric",
      value: 100,
      target: null,
      series: [{ at: "2026-12-01T00:00:00.000Z", value: 0 }],
    });
    expect(m.cell(m.conversion, m.second.id)).toBeUndefined();
  });

  it("reports a crossing when a pushed value starts or stops meeting its target", () => {
    const m = metricMap();
    const step = m.first.id;
    recordMetrics(
      m.doc,
      [{ laneId: m.conversion, touchpointId: step, value: 30, target: 40 }],
      ctx,
    );
    const up = recordMetrics(m.doc, [{ laneId: m.conversion, touchpointId: step, value: 45 }], ctx);
    expect(up.crossings).toEqual([
      { laneId: m.conversion, touchpointId: step, value: 45, target: 40, met: true },
    ]);
    expect(
      recordMetrics(m.doc, [{ laneId: m.conversion, touchpointId: step, value: 50 }], ctx)
        .crossings,
    ).toEqual([]);
    // Lower is better for time on step: 200 s against a 120 s target is missing it.
    recordMetrics(m.doc, [{ laneId: m.wait, touchpointId: step, value: 90, target: 120 }], ctx);
    const down = recordMetrics(m.doc, [{ laneId: m.wait, touchpointId: step, value: 200 }], ctx);
    expect(down.crossings).toMatchObject([{ met: false, value: 200 }]);
  });

  it("ranks steps by their gap to target, furthest behind first", () => {
    const m = metricMap();
    recordMetrics(
      m.doc,
      [
        { laneId: m.conversion, touchpointId: m.first.id, value: 38, target: 40 },
        { laneId: m.conversion, touchpointId: m.second.id, value: 10, target: 40 },
        { laneId: m.wait, touchpointId: m.first.id, value: 100, target: 120 },
      ],
      ctx,
    );
    const ranked = rankMetricGaps(m.map());
    expect(ranked.map((g) => [g.stepName, g.laneName, g.met])).toEqual([
      [m.second.name, "Conversion", false],
      [m.first.name, "Conversion", false],
      [m.first.name, "Wait", true],
    ]);
    expect(ranked[0]!.gap).toBeCloseTo(0.75);
  });

  it("exports metrics in the open format and imports them back unchanged", () => {
    const m = metricMap();
    recordMetrics(
      m.doc,
      [
        { laneId: m.conversion, touchpointId: m.first.id, value: 25, at: "2026-12-01" },
        { laneId: m.conversion, touchpointId: m.first.id, value: 31, at: "2026-12-02" },
        { laneId: m.conversion, touchpointId: m.first.id, target: 40 },
        { laneId: m.wait, touchpointId: m.second.id, value: 95 },
      ],
      ctx,
    );
    const text = serializeMapFile(toMapFile(snapshotMap(m.doc), new Date(0)));
    expect(mapFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
    const file = readMapFile(text);
    expect(file.errors).toEqual([]);
    const copy = new Y.Doc();
    importSnapshot(copy, file.snapshot!);
    const lanes = readJourneyMap(copy).lanes;
    const conversion = lanes.find((l) => l.id === m.conversion)!;
    expect(conversion.preset).toBe("conversion");
    expect(conversion.values.get(m.first.id)).toEqual(m.cell(m.conversion, m.first.id));
    expect(lanes.find((l) => l.id === m.wait)!.values.get(m.second.id)).toMatchObject({
      value: 95,
    });
  });
});

describe("metric rows (CSV and API input)", () => {
  it("resolves steps by id or name and lanes by name, with an error per bad row", () => {
    const m = metricMap();
    const { writes, errors } = resolveMetricRows(m.map(), [
      { step: m.first.id, lane: "conversion", value: "31,5 %", date: "2026-12-01" },
      { step: m.second.name, lane: m.wait, value: 80, target: "120" },
      { step: "No such step", lane: "Conversion", value: 1 },
      { step: m.first.id, lane: "Revenue", value: 1 },
      { step: m.first.id, lane: "Conversion", value: "lots" },
      { step: m.first.id, lane: "Conversion", value: 101 },
      { step: m.first.id, value: 5 },
    ]);
    expect(writes).toEqual([
      {
        row: 1,
        laneId: m.conversion,
        touchpointId: m.first.id,
        value: 31.5,
        at: "2026-12-01T00:00:00.000Z",
      },
      { row: 2, laneId: m.wait, touchpointId: m.second.id, value: 80, target: 120 },
    ]);
    expect(errors).toEqual([
      { row: 3, message: 'There is no step "No such step".' },
      { row: 4, message: 'There is no metric lane "Revenue".' },
      { row: 5, message: 'The value "lots" is not a number.' },
      { row: 6, message: "Conversion (%) is from 0–100 %, not 101." },
      { row: 7, message: "Name the metric lane: this map has several." },
    ]);
  });

  it("normalises dates to ISO instants", () => {
    expect(toMetricInstant("2026-12-07")).toBe("2026-12-07T00:00:00.000Z");
    expect(toMetricInstant("2026-12-07T10:30:00+01:00")).toBe("2026-12-07T09:30:00.000Z");
    expect(() => toMetricInstant("1969-12-31")).toThrow("before 1970");
  });
});
