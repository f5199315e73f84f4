/**
 * Turns rows people wrote (a CSV file, an API body) into metric writes: a step named by id or
 * by name, a lane by id or name, numbers as text or numbers. Each row is checked on its own so
 * a preview can list every bad row with a reason; callers write nothing while any row is bad.
 */
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { Lane } from "../records/Lane.ts";
import { validMetricInput } from "./metricInput.ts";
import { toMetricSettings } from "./presets.ts";
import type { MetricWrite } from "./recordMetrics.ts";

export interface MetricRow {
  /** A step id or a step name (ids win). */
  readonly step: string;
  /** A metric lane id or name; optional when the map has one metric lane. */
  readonly lane?: string | undefined;
  readonly value?: number | string | null | undefined;
  readonly target?: number | string | null | undefined;
  readonly date?: string | undefined;
}

export interface MetricRowError {
  /** The row as people count it (see resolveMetricRows' firstRow). */
  readonly row: number;
  readonly message: string;
}

export interface ResolvedMetricRows {
  readonly writes: readonly (MetricWrite & { readonly row: number })[];
  readonly errors: readonly MetricRowError[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "12.5", "12,5 %", 40 → number; "" → undefined; anything else: a RangeError. */
export function toMetricNumber(
  raw: number | string | null | undefined,
  what: string,
): number | null | undefined {
  if (raw === undefined || raw === null) return raw;
  if (typeof raw === "number") return raw;
  const text = raw.trim().replace(/\s*%$/, "").replace(",", ".");
  if (text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
    throw new RangeError(`The ${what} "${raw}" is not a number.`);
  }
  return value;
}

function findLane(map: JourneyMap, name: string | undefined): Lane {
  const metricLanes = map.lanes.filter((l) => l.type === "metric");
  if (name === undefined || name.trim() === "") {
    if (metricLanes.length === 1) return metricLanes[0]!;
    throw new RangeError(
      metricLanes.length === 0
        ? "This map has no metric lane: add one on the board first."
        : "Name the metric lane: this map has several.",
    );
  }
  const lane =
    metricLanes.find((l) => l.id === name) ?? metricLanes.filter((l) => same(l.name, name));
  if (!Array.isArray(lane)) return lane;
  if (lane.length === 1) return lane[0]!;
  if (lane.length > 1)
    throw new RangeError(`Several metric lanes are named "${name}": use the lane id.`);
  throw new RangeError(`There is no metric lane "${name}".`);
}

function findStep(map: JourneyMap, step: string): string {
  if (step.trim() === "") throw new RangeError("Name the step (its id or its name).");
  const byId = map.touchpoints.find((t) => t.id === step);
  if (byId) return byId.id;
  const named = map.touchpoints.filter((t) => same(t.name, step));
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new RangeError(`Several steps are named "${step}": use the step id.`);
  throw new RangeError(`There is no step "${step}".`);
}

/** `firstRow` numbers the rows in errors: 2 for a CSV file (its header is row 1), 1 for a list. */
export function resolveMetricRows(
  map: JourneyMap,
  rows: readonly MetricRow[],
  firstRow = 1,
): ResolvedMetricRows {
  const writes: (MetricWrite & { row: number })[] = [];
  const errors: MetricRowError[] = [];
  rows.forEach((raw, index) => {
    const row = index + firstRow;
    try {
      const lane = findLane(map, raw.lane);
      const touchpointId = findStep(map, raw.step);
      const value = toMetricNumber(raw.value, "value");
      const target = toMetricNumber(raw.target, "target");
      const date = raw.date?.trim() ? raw.date.trim() : undefined;
      const input = {
        ...(value !== undefined ? { value } : {}),
        ...(target !== undefined ? { target } : {}),
        ...(date !== undefined ? { at: date } : {}),
      };
      const valid = validMetricInput(toMetricSettings(lane.unit, lane.preset), input);
      writes.push({ row, laneId: lane.id, touchpointId, ...valid });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      errors.push({ row, message: error.message });
    }
  });
  return { writes, errors };
}
