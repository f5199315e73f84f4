/**
 * The mutation side of metrics: input from the board, a CSV file or the API is checked whole
 * against the lane's unit before anything is written, and refused with a message people can
 * act on (INV-M1).
 */
import type { MetricSettings } from "./presets.ts";
import { METRIC_UNIT_LABELS, findMetricPreset } from "./presets.ts";

export interface MetricInput {
  /** The step's value; with `at` it is a dated point of the series. null clears it. */
  readonly value?: number | null;
  /** null clears the target. */
  readonly target?: number | null;
  /** A date (2026-12-07) or an ISO date-time with a time zone. */
  readonly at?: string;
}

export interface ValidMetricInput {
  readonly value?: number | null;
  readonly target?: number | null;
  /** An ISO instant. */
  readonly at?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Dated values before this are typing accidents (a year of 202). */
const EARLIEST = Date.UTC(1970, 0, 1);

/** The ISO instant of a date or date-time, or a RangeError. */
export function toMetricInstant(at: string): string {
  const text = at.trim();
  const ms = DATE_ONLY.test(text)
    ? Date.parse(`${text}T00:00:00.000Z`)
    : DATE_TIME.test(text)
      ? Date.parse(text)
      : Number.NaN;
  // Date.parse accepts 2026-02-31; the round trip catches it.
  if (
    Number.isNaN(ms) ||
    (DATE_ONLY.test(text) && new Date(ms).toISOString().slice(0, 10) !== text)
  ) {
    throw new RangeError(`"${at}" is not a date: write 2026-12-07 or 2026-12-07T09:30:00Z.`);
  }
  if (ms < EARLIEST) throw new RangeError(`"${at}" is before 1970.`);
  return new Date(ms).toISOString();
}

function metricName(settings: MetricSettings): string {
  return findMetricPreset(settings.preset)?.label ?? "This metric";
}

/** The number as stored, or a RangeError naming the metric's range. */
export function validMetricNumber(settings: MetricSettings, value: unknown, what: string): number {
  const { min, max, whole } = settings.range;
  const name = metricName(settings);
  const unit = METRIC_UNIT_LABELS[settings.unit];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`A ${what} is a number.`);
  }
  if (whole && !Number.isInteger(value)) {
    throw new RangeError(`${name} is a whole number (${what} ${value}).`);
  }
  if (value < min || value > max) {
    const span = settings.unit === "percent" ? `${min}–${max} %` : `${min} to ${max}`;
    throw new RangeError(`${name} (${unit}) is from ${span}, not ${value}.`);
  }
  return value;
}

export function validMetricInput(settings: MetricSettings, input: MetricInput): ValidMetricInput {
  if (input.at !== undefined && (input.value === undefined || input.value === null)) {
    throw new RangeError("A dated entry needs a value.");
  }
  if (input.value === undefined && input.target === undefined) {
    throw new RangeError("Give a value or a target.");
  }
  const value =
    input.value === undefined || input.value === null
      ? input.value
      : validMetricNumber(settings, input.value, "value");
  const target =
    input.target === undefined || input.target === null
      ? input.target
      : validMetricNumber(settings, input.target, "target");
  const at = input.at === undefined ? undefined : toMetricInstant(input.at);
  return {
    ...(value !== undefined ? { value } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

/** Whether a value meets its target, by the metric's direction. */
export function meetsTarget(
  value: number | null,
  target: number | null,
  better: MetricSettings["better"],
): boolean | null {
  if (value === null || target === null) return null;
  return better === "higher" ? value >= target : value <= target;
}

/**
 * How far a value is from its target in the bad direction, relative to the target's size (so a
 * 5-point miss on a 10 % rate ranks above a 5-second miss on a 300-second step): 0 when met.
 */
export function metricGap(
  value: number | null,
  target: number | null,
  better: MetricSettings["better"],
): number | null {
  if (value === null || target === null) return null;
  const short = better === "higher" ? target - value : value - target;
  if (short <= 0) return 0;
  return short / Math.max(Math.abs(target), 1);
}
