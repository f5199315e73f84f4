/**
 * Writes metric values, targets and dated points. Every write is checked before anything is
 * written (one bad entry: a RangeError, nothing written), then all go in ONE transaction, so a
 * CSV import or an API push is one step in history and one undo for nobody but its origin.
 */
import type * as Y from "yjs";
import { LANE, laneValueKey } from "../layout.ts";
import type { MutationContext } from "../mutations/transact.ts";
import { getEntity, transact } from "../mutations/transact.ts";
import { METRIC_LANE, metricPointKey, parseMetricPointKey } from "./layout.ts";
import { MAX_METRIC_POINTS, type MetricCell, readMetricValues } from "./MetricCell.ts";
import { type MetricInput, meetsTarget, validMetricInput } from "./metricInput.ts";
import { type MetricPresetId, type MetricSettings, toMetricSettings } from "./presets.ts";

export interface MetricWrite extends MetricInput {
  readonly laneId: string;
  readonly touchpointId: string;
}

/** A step whose value went from missing to meeting its target or back. */
export interface MetricCrossing {
  readonly laneId: string;
  readonly touchpointId: string;
  readonly value: number;
  readonly target: number;
  readonly met: boolean;
}

export interface MetricWriteResult {
  /** Whether anything changed in the document. */
  readonly changed: boolean;
  readonly crossings: readonly MetricCrossing[];
}

/** The metric settings of a lane map, or null when the lane is missing or not a metric lane. */
export function metricLaneSettings(doc: Y.Doc, laneId: string): MetricSettings | null {
  const map = getEntity(doc, "lanes", laneId);
  if (map?.get(LANE.type) !== "metric") return null;
  return toMetricSettings(map.get(LANE.unit), map.get(METRIC_LANE.preset));
}

function cellsOf(map: Y.Map<unknown>, settings: MetricSettings): Map<string, MetricCell> {
  return readMetricValues(map, settings.range);
}

/** Writes one entry; whether it changed anything (no doc event: the caller's transaction may be open). */
function writeOne(map: Y.Map<unknown>, write: MetricWrite, settings: MetricSettings): boolean {
  let changed = false;
  const input = validMetricInput(settings, write);
  const key = laneValueKey(write.touchpointId);
  const old = map.get(key);
  const record: Record<string, unknown> =
    old !== null && typeof old === "object" ? { ...(old as object) } : {};
  const points: string[] = [];
  map.forEach((_, k) => {
    const point = parseMetricPointKey(k);
    if (point?.touchpointId === write.touchpointId) points.push(point.at);
  });
  points.sort();
  let setsValue = input.value !== undefined && input.at === undefined;
  if (input.at !== undefined) {
    const pointKey = metricPointKey(write.touchpointId, input.at);
    if (map.get(pointKey) !== input.value) {
      map.set(pointKey, input.value);
      changed = true;
    }
    if (!points.includes(input.at)) points.push(input.at);
    points.sort();
    // The newest dated value is the step's current value; an older one only fills the series.
    setsValue = points.at(-1) === input.at;
    // Bounded: the oldest points go (their values stay in the update log and in history).
    for (const at of points.slice(0, Math.max(0, points.length - MAX_METRIC_POINTS))) {
      map.delete(metricPointKey(write.touchpointId, at));
      changed = true;
    }
  }
  if (setsValue) {
    if (input.value === null) delete record.value;
    else record.value = input.value;
  }
  if (input.target !== undefined) {
    if (input.target === null) delete record.target;
    else record.target = input.target;
  }
  if (JSON.stringify(record) !== JSON.stringify(old ?? {})) {
    if (Object.keys(record).length === 0) map.delete(key);
    else map.set(key, record);
    changed = true;
  }
  return changed;
}

/**
 * Applies the writes (see the module note). A lane that is missing or not a metric lane, or a
 * value out of the metric's range, is a RangeError naming the entry. Steps are not checked
 * here: callers resolve them (a value for a missing step is kept but not shown, INV-R7).
 */
export function recordMetrics(
  doc: Y.Doc,
  writes: readonly MetricWrite[],
  ctx: MutationContext,
): MetricWriteResult {
  const lanes = new Map<string, { map: Y.Map<unknown>; settings: MetricSettings }>();
  for (const write of writes) {
    const settings = metricLaneSettings(doc, write.laneId);
    const map = getEntity(doc, "lanes", write.laneId);
    if (!settings || !map) throw new RangeError(`Lane ${write.laneId} is not a metric lane.`);
    validMetricInput(settings, write);
    lanes.set(write.laneId, { map, settings });
  }
  const before = new Map(
    [...lanes].map(([id, { map, settings }]) => [id, cellsOf(map, settings)] as const),
  );
  let changed = false;
  transact(doc, ctx, () => {
    for (const write of writes) {
      const lane = lanes.get(write.laneId)!;
      if (writeOne(lane.map, write, lane.settings)) changed = true;
    }
  });
  const crossings: MetricCrossing[] = [];
  const seen = new Set<string>();
  for (const { laneId, touchpointId } of writes) {
    if (seen.has(`${laneId}/${touchpointId}`)) continue;
    seen.add(`${laneId}/${touchpointId}`);
    const { map, settings } = lanes.get(laneId)!;
    const was = before.get(laneId)?.get(touchpointId);
    const now = cellsOf(map, settings).get(touchpointId);
    const metBefore = meetsTarget(was?.value ?? null, was?.target ?? null, settings.better);
    const metNow = meetsTarget(now?.value ?? null, now?.target ?? null, settings.better);
    if (metNow !== null && metBefore !== metNow && now?.value != null && now.target != null) {
      // A first value counts as a crossing only when it meets the target.
      if (metBefore === null && !metNow) continue;
      crossings.push({ laneId, touchpointId, value: now.value, target: now.target, met: metNow });
    }
  }
  return { changed, crossings };
}

/**
 * Makes a lane a metric lane with a preset (its unit and direction) or, with a unit, a custom
 * metric. Stored values stay (switching the type back shows them again).
 */
export function setMetricPreset(
  doc: Y.Doc,
  laneId: string,
  choice: { readonly preset: MetricPresetId } | { readonly unit: MetricSettings["unit"] },
  ctx: MutationContext,
): boolean {
  const map = getEntity(doc, "lanes", laneId);
  if (!map) return false;
  const settings =
    "preset" in choice
      ? toMetricSettings(undefined, choice.preset)
      : toMetricSettings(choice.unit, "");
  if ("preset" in choice && settings.preset !== choice.preset) {
    throw new RangeError(`There is no metric preset "${choice.preset}".`);
  }
  if (map.get(LANE.kind) !== "text") throw new RangeError("Only lanes you added can hold metrics.");
  return transact(doc, ctx, () => {
    if (map.get(LANE.type) !== "metric") map.set(LANE.type, "metric");
    if (map.get(LANE.unit) !== settings.unit) map.set(LANE.unit, settings.unit);
    if (settings.preset === "") {
      if (map.has(METRIC_LANE.preset)) map.delete(METRIC_LANE.preset);
    } else if (map.get(METRIC_LANE.preset) !== settings.preset) {
      map.set(METRIC_LANE.preset, settings.preset);
    }
    return true;
  });
}
