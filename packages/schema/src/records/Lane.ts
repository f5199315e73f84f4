import type { LaneId, TouchpointId } from "../ids.ts";
import { LANE, parseLaneValueKey } from "../layout.ts";
import { toBool, toOneOf, toPosition, toText } from "../read/coerce.ts";
import {
  LANE_KIND_LABELS,
  LANE_KINDS,
  LANE_TYPES,
  type LaneKind,
  type LaneType,
} from "../vocabulary.ts";
import { METRIC_LANE } from "../metrics/layout.ts";
import { readMetricValues } from "../metrics/MetricCell.ts";
import { type MetricPresetId, toMetricSettings } from "../metrics/presets.ts";
import type { Fields } from "./fields.ts";
import { type LaneValue, readLaneValue, toLaneUnit } from "./laneValue.ts";

export interface Lane {
  readonly id: LaneId;
  readonly key: string;
  readonly kind: LaneKind;
  readonly name: string;
  readonly hidden: boolean;
  /** What the cells hold; always "text" for built-in lanes, whose kind decides instead. */
  readonly type: LaneType;
  /** Shown after a number lane's values; a metric lane's unit (percent…); "" otherwise. */
  readonly unit: string;
  /** A metric lane's preset ("" for a custom metric and for other lanes). */
  readonly preset: MetricPresetId | "";
  /** A typed lane's valid values by step (steps that exist only, see the read model). */
  readonly values: ReadonlyMap<TouchpointId, LaneValue>;
}

export type LaneFields = Partial<Pick<Lane, "name" | "hidden" | "type" | "unit">>;

const NO_VALUES: ReadonlyMap<TouchpointId, LaneValue> = new Map();

/** Built-in lanes have deterministic ids so that two clients migrating at once converge. */
export function builtInLaneId(kind: LaneKind): LaneId {
  return `lane-${kind}` as LaneId;
}

function readValues(type: LaneType, fields: Fields): ReadonlyMap<TouchpointId, LaneValue> {
  if (type === "text" || !fields.forEach) return NO_VALUES;
  if (type === "metric") {
    const range = toMetricSettings(fields.get(LANE.unit), fields.get(METRIC_LANE.preset)).range;
    return readMetricValues(fields, range) as Map<TouchpointId, LaneValue>;
  }
  const values = new Map<TouchpointId, LaneValue>();
  fields.forEach((raw, key) => {
    const touchpointId = parseLaneValueKey(key);
    const value = touchpointId === null ? null : readLaneValue(type, raw);
    if (value !== null) values.set(touchpointId as TouchpointId, value);
  });
  // Sorted by step id, so two replicas that received the keys in any order read equal maps.
  return new Map([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function readLane(id: string, fields: Fields): Lane {
  // An unknown kind is shown as a text lane, so its cells stay visible and editable.
  const kind = toOneOf(fields.get(LANE.kind), LANE_KINDS, "text");
  // An unknown type too: its values are kept in the document, just not shown.
  const type = kind === "text" ? toOneOf(fields.get(LANE.type), LANE_TYPES, "text") : "text";
  const metric =
    type === "metric"
      ? toMetricSettings(fields.get(LANE.unit), fields.get(METRIC_LANE.preset))
      : null;
  return {
    id: id as LaneId,
    key: toPosition(fields.get(LANE.pos)).key,
    kind,
    name: toText(fields.get(LANE.name)).trim() || LANE_KIND_LABELS[kind],
    hidden: toBool(fields.get(LANE.hidden)),
    type,
    unit: metric ? metric.unit : type === "number" ? toLaneUnit(fields.get(LANE.unit)) : "",
    preset: metric ? metric.preset : "",
    values: readValues(type, fields),
  };
}

/** The lane with only the values of steps that exist (the same object when nothing dangles). */
export function withoutDanglingValues(lane: Lane, hasStep: (id: string) => boolean): Lane {
  if (lane.values.size === 0 || [...lane.values.keys()].every(hasStep)) return lane;
  return { ...lane, values: new Map([...lane.values].filter(([id]) => hasStep(id))) };
}
