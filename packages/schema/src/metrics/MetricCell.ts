/**
 * One step's metric as the read model gives it: untrusted document data in, a valid cell out
 * (INV-R4): values outside the unit's range are clamped, points with a bad date or a value
 * that is not a number are not shown, and at most MAX_METRIC_POINTS newest points are kept.
 */
import type { Fields } from "../records/fields.ts";
import { parseLaneValueKey } from "../layout.ts";
import { parseMetricPointKey } from "./layout.ts";
import type { MetricRange } from "./presets.ts";

/** A series long enough for three years of daily values, small enough to draw per cell. */
export const MAX_METRIC_POINTS = 1000;

export interface MetricPoint {
  /** An ISO instant (a pushed date is its midnight UTC). */
  readonly at: string;
  readonly value: number;
}

export interface MetricCell {
  readonly kind: "metric";
  /** The stored current value, else the newest point's; null when there is neither. */
  readonly value: number | null;
  readonly target: number | null;
  /** Oldest first. */
  readonly series: readonly MetricPoint[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isMetricInstant(at: string): boolean {
  return ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at));
}

export function clampMetric(value: unknown, range: MetricRange): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  return range.whole ? Math.round(clamped) : clamped;
}

function byAt(a: MetricPoint, b: MetricPoint): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/** Every step's metric cell from a lane's fields, in step id order (as other typed lanes). */
export function readMetricValues(fields: Fields, range: MetricRange): Map<string, MetricCell> {
  const stored = new Map<string, { value: number | null; target: number | null }>();
  const points = new Map<string, MetricPoint[]>();
  fields.forEach?.((raw, key) => {
    const step = parseLaneValueKey(key);
    if (step !== null) {
      const record =
        raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
      stored.set(step, {
        value: clampMetric(record.value, range),
        target: clampMetric(record.target, range),
      });
      return;
    }
    const point = parseMetricPointKey(key);
    const value = clampMetric(raw, range);
    if (point && value !== null && isMetricInstant(point.at)) {
      const list = points.get(point.touchpointId) ?? [];
      list.push({ at: point.at, value });
      points.set(point.touchpointId, list);
    }
  });
  const cells = new Map<string, MetricCell>();
  for (const step of new Set([...stored.keys(), ...points.keys()])) {
    const series = (points.get(step) ?? []).sort(byAt).slice(-MAX_METRIC_POINTS);
    const own = stored.get(step);
    const value = own?.value ?? series.at(-1)?.value ?? null;
    const target = own?.target ?? null;
    if (value === null && target === null) continue;
    cells.set(step, { kind: "metric", value, target, series });
  }
  return new Map([...cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function isMetricCell(value: unknown): value is MetricCell {
  return typeof value === "object" && value !== null && (value as MetricCell).kind === "metric";
}
