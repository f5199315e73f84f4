/**
 * Under a custom lane's name: what its cells hold (text, rating, number, channels, link) and,
 * for numbers, the unit. Changing the type keeps what was entered: switching back shows it.
 */
import { type Lane, LANE_TYPE_LABELS, LANE_TYPES, type LaneType } from "@journeymap/schema";
import { MetricPresetControl } from "../metrics/MetricPresetControl.tsx";
import { useEditor } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import "./LaneTypeControls.css";

export function LaneTypeControls({ lane }: { lane: Lane }) {
  const editor = useEditor();
  const readOnly = useReadOnly();
  return (
    <span className="lane-type">
      <select
        className="lane-type__select"
        aria-label={`What the lane ${lane.name} holds`}
        data-testid="board.lane-type"
        value={lane.type}
        disabled={readOnly}
        onChange={(e) => editor.updateLane(lane.id, { type: e.target.value as LaneType })}
      >
        {LANE_TYPES.map((type) => (
          <option key={type} value={type}>
            {LANE_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      {lane.type === "number" && (
        <span className="lane-type__unit">
          <span aria-hidden="true">in</span>
          <InlineText
            className="lane-type__unit-value"
            value={lane.unit}
            label={`Unit of ${lane.name}`}
            placeholder="unit"
            testId="board.lane-unit"
            allowEmpty
            onCommit={(unit) => editor.updateLane(lane.id, { unit })}
          />
        </span>
      )}
      {lane.type === "metric" && <MetricPresetControl lane={lane} />}
    </span>
  );
}
