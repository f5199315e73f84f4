/**
 * A cell of a metric lane: the value against the target in colour (met, missed, no target),
 * a sparkline of the dated values, and two small fields to set the value and the target.
 * It renders from the lane it is given (no subscription of its own: the board re-renders
 * cells, see docs/board-performance.md) and writes through recordMetrics, which checks the
 * unit's range first (a bad value is refused with a message, nothing written).
 */
import {
  isMetricCell,
  type Lane,
  type LaneValue,
  LOCAL_ORIGIN,
  METRIC_UNIT_LABELS,
  recordMetrics,
  type Touchpoint,
  toMetricSettings,
} from "@journeymap/schema";
import { type KeyboardEvent, useState } from "react";
import { useEditor } from "../sync/useJourneyMap.ts";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { metricStatus, metricText } from "./metricText.ts";
import { Sparkline } from "./Sparkline.tsx";
import "./metrics.css";

type Field = "value" | "target";

function commitKeys(event: KeyboardEvent<HTMLInputElement>, reset: () => void) {
  if (event.key === "Enter") event.currentTarget.blur();
  else if (event.key === "Escape") {
    reset();
    event.currentTarget.blur();
  }
}

export function MetricLaneCell({
  lane,
  touchpoint,
  value,
  label,
}: {
  lane: Lane;
  touchpoint: Touchpoint;
  value: LaneValue | undefined;
  label: string;
}) {
  const editor = useEditor();
  const readOnly = useReadOnly();
  const cell = isMetricCell(value) ? value : null;
  const unit = toMetricSettings(lane.unit, lane.preset).unit;
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const status = metricStatus(lane, value);

  const commit = (field: Field) => {
    const draft = drafts[field];
    if (draft === undefined) return;
    const text = draft.trim().replace(/\s*%$/, "").replace(",", ".");
    const number = text === "" ? null : Number(text);
    try {
      recordMetrics(
        editor.doc,
        [{ laneId: lane.id, touchpointId: touchpoint.id, [field]: number }],
        { origin: LOCAL_ORIGIN },
      );
      setError(null);
      setDrafts(({ [field]: _, ...rest }) => rest);
    } catch (problem) {
      if (!(problem instanceof RangeError)) throw problem;
      setError(problem.message);
    }
  };

  const input = (field: Field, stored: number | null | undefined, what: string) => (
    <input
      className={`lane-number__input metric-cell__${field}`}
      type="text"
      inputMode="decimal"
      aria-label={`${what} of ${label}, in ${METRIC_UNIT_LABELS[unit]}`}
      aria-invalid={error !== null}
      placeholder={field === "target" ? "target" : "—"}
      readOnly={readOnly}
      value={drafts[field] ?? (stored === null || stored === undefined ? "" : String(stored))}
      onChange={(e) => setDrafts((d) => ({ ...d, [field]: e.target.value }))}
      onBlur={() => commit(field)}
      onKeyDown={(e) =>
        commitKeys(e, () => {
          setDrafts(({ [field]: _, ...rest }) => rest);
          setError(null);
        })
      }
    />
  );

  return (
    <span
      className={`metric-cell metric-cell--${status}`}
      data-testid="metric.cell"
      data-status={status}
      title={metricText(lane, value) || undefined}
    >
      <span className="metric-cell__row">
        {input("value", cell?.value, "Value")}
        <span className="metric-cell__unit">{METRIC_UNIT_LABELS[unit]}</span>
        <span className="metric-cell__vs" aria-hidden="true">
          /
        </span>
        {input("target", cell?.target, "Target")}
      </span>
      {cell && cell.series.length > 1 && (
        <Sparkline
          values={cell.series.map((p) => p.value)}
          target={cell.target}
          label={`${cell.series.length} values of ${label}, from ${cell.series[0]!.at.slice(0, 10)} to ${cell.series.at(-1)!.at.slice(0, 10)}`}
        />
      )}
      {error && (
        <span className="lane-cell-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
