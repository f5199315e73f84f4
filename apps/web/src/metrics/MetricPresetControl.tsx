/** Under a metric lane's name: its preset (conversion, NPS…) or a custom unit. */
import {
  type Lane,
  LOCAL_ORIGIN,
  METRIC_PRESETS,
  METRIC_UNITS,
  type MetricPresetId,
  type MetricUnit,
  setMetricPreset,
} from "@journeymap/schema";
import { useEditor } from "../sync/useJourneyMap.ts";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";

const UNIT_NAMES: Readonly<Record<MetricUnit, string>> = {
  percent: "Custom (%)",
  seconds: "Custom (seconds)",
  score: "Custom (score)",
  count: "Custom (count)",
};

export function MetricPresetControl({ lane }: { lane: Lane }) {
  const editor = useEditor();
  const readOnly = useReadOnly();
  const current = lane.preset || `unit:${lane.unit}`;
  const choose = (choice: string) => {
    const ctx = { origin: LOCAL_ORIGIN };
    if (choice.startsWith("unit:")) {
      setMetricPreset(editor.doc, lane.id, { unit: choice.slice(5) as MetricUnit }, ctx);
    } else setMetricPreset(editor.doc, lane.id, { preset: choice as MetricPresetId }, ctx);
  };
  return (
    <select
      className="lane-type__select"
      aria-label={`What the metric ${lane.name} measures`}
      data-testid="metric.preset"
      value={current}
      disabled={readOnly}
      onChange={(e) => choose(e.target.value)}
    >
      {METRIC_PRESETS.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
      {METRIC_UNITS.map((u) => (
        <option key={u} value={`unit:${u}`}>
          {UNIT_NAMES[u]}
        </option>
      ))}
    </select>
  );
}
