import { EMOTION_MAX, EMOTION_MIN, type TouchpointId } from "@journeymap/schema";
import { ChevronDown, ChevronUp } from "lucide-react";
import { memo } from "react";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { label } from "./emotionLaneModel.ts";

/** The +/− buttons under a step: one point up to the top of the scale, or down to its bottom. */
const NUDGES = [
  { by: 1, verb: "Raise", testId: "board.emotion-up", limit: EMOTION_MAX, Icon: ChevronUp },
  { by: -1, verb: "Lower", testId: "board.emotion-down", limit: EMOTION_MIN, Icon: ChevronDown },
] as const;

/** The label and +/− buttons under one step. */
export const EmotionControl = memo(function EmotionControl({
  touchpointId,
  stepName,
  personaName,
  x,
  score,
  onSet,
}: {
  touchpointId: TouchpointId;
  stepName: string;
  personaName: string;
  x: number;
  score: number | undefined;
  onSet: (touchpointId: TouchpointId, score: number) => void;
}) {
  const readOnly = useReadOnly();
  return (
    <div
      className="emotion-controls"
      style={{ left: x }}
      data-column-id={touchpointId}
      data-testid="board.emotion"
      data-touchpoint-id={touchpointId}
      data-score={score ?? ""}
    >
      <span className="emotion-label">{score === undefined ? "Not scored" : label(score)}</span>
      {!readOnly && (
        <span className="emotion-buttons">
          {NUDGES.map(({ by, verb, testId, limit, Icon }) => (
            <button
              key={testId}
              type="button"
              className="icon-btn"
              aria-label={`${verb} ${personaName}'s feeling at ${stepName}`}
              data-testid={testId}
              disabled={score === limit}
              onClick={() => onSet(touchpointId, (score ?? 0) + by)}
            >
              <Icon size={14} />
            </button>
          ))}
        </span>
      )}
    </div>
  );
});
