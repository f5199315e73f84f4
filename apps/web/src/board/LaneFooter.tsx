import type { Lane } from "@journeymap/schema";
import { EyeOff } from "lucide-react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { AddButton } from "./AddButton.tsx";
import { showLaneCommandId } from "./commands/laneCommands.ts";
import "./LaneFooter.css";

export interface LaneFooterProps {
  /** The grid row under the last lane. */
  readonly row: number;
  readonly hiddenLanes: readonly Lane[];
  readonly readOnly: boolean;
}

/** Under the lanes: add a lane, or bring a hidden one back (the registry's commands). */
export function LaneFooter({ row, hiddenLanes, readOnly }: LaneFooterProps) {
  const registry = useCommandRegistry();
  return (
    <div
      className="lane-footer"
      style={{ gridRow: row, gridColumn: 1 }}
      data-testid="board.lane-footer"
    >
      {!readOnly && (
        <AddButton command="lane.add" className="btn btn--ghost" testId="board.add-lane">
          Add lane
        </AddButton>
      )}
      {!readOnly &&
        hiddenLanes.map((lane) => (
          <button
            key={lane.id}
            type="button"
            className="chip hidden-lane"
            title={`Show the lane ${lane.name}`}
            aria-label={`Show the lane ${lane.name}`}
            onClick={() => registry.run(showLaneCommandId(lane.id))}
          >
            <EyeOff size={12} aria-hidden="true" /> {lane.name}
          </button>
        ))}
    </div>
  );
}
