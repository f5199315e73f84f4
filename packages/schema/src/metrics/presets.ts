/**
 * What a metric lane measures: its unit (which bounds the values), whether higher or lower is
 * better (which decides the colour and the gap to target), and the presets people start from.
 * Presets are data so the board, the API and the docs list the same ones.
 */

export const METRIC_UNITS = ["percent", "seconds", "score", "count"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const METRIC_UNIT_LABELS: Readonly<Record<MetricUnit, string>> = {
  percent: "%",
  seconds: "s",
  score: "score",
  count: "count",
};

export type MetricDirection = "higher" | "lower";

export interface MetricRange {
  readonly min: number;
  readonly max: number;
  /** Counts are whole numbers. */
  readonly whole: boolean;
}

/** Beyond this a number is a typing accident (as for number lanes). */
const MAX_METRIC = 1e12;

export const METRIC_UNIT_RANGES: Readonly<Record<MetricUnit, MetricRange>> = {
  percent: { min: 0, max: 100, whole: false },
  seconds: { min: 0, max: MAX_METRIC, whole: false },
  score: { min: -MAX_METRIC, max: MAX_METRIC, whole: false },
  count: { min: 0, max: MAX_METRIC, whole: true },
};

export interface MetricPreset {
  readonly id: string;
  readonly label: string;
  readonly unit: MetricUnit;
  readonly better: MetricDirection;
  /** Narrower than the unit's range where the scale is fixed (NPS −100…100, CSAT 1…5). */
  readonly range?: MetricRange;
}

export const METRIC_PRESETS = [
  { id: "conversion", label: "Conversion", unit: "percent", better: "higher" },
  { id: "dropOff", label: "Drop-off", unit: "percent", better: "lower" },
  {
    id: "csat",
    label: "CSAT",
    unit: "score",
    better: "higher",
    range: { min: 1, max: 5, whole: false },
  },
  {
    id: "nps",
    label: "NPS",
    unit: "score",
    better: "higher",
    range: { min: -100, max: 100, whole: true },
  },
  { id: "timeOnStep", label: "Time on step", unit: "seconds", better: "lower" },
  { id: "contactRate", label: "Contact rate", unit: "percent", better: "lower" },
] as const satisfies readonly MetricPreset[];

export type MetricPresetId = (typeof METRIC_PRESETS)[number]["id"];

export const METRIC_PRESET_IDS: readonly MetricPresetId[] = METRIC_PRESETS.map((p) => p.id);

/** A lane's metric settings as the read model gives them. */
export interface MetricSettings {
  /** "" for a custom metric. */
  readonly preset: MetricPresetId | "";
  readonly unit: MetricUnit;
  readonly better: MetricDirection;
  readonly range: MetricRange;
}

export function findMetricPreset(id: unknown): MetricPreset | undefined {
  return METRIC_PRESETS.find((p) => p.id === id);
}

/** Settings from a lane's stored unit and preset: the preset wins, then the unit, then count. */
export function toMetricSettings(unit: unknown, preset: unknown): MetricSettings {
  const known = findMetricPreset(preset);
  if (known) {
    return {
      preset: known.id as MetricPresetId,
      unit: known.unit,
      better: known.better,
      range: known.range ?? METRIC_UNIT_RANGES[known.unit],
    };
  }
  const u = (METRIC_UNITS as readonly unknown[]).includes(unit) ? (unit as MetricUnit) : "count";
  return { preset: "", unit: u, better: "higher", range: METRIC_UNIT_RANGES[u] };
}
