/**
 * The board's per-column pieces, memoized: a change to one step re-renders that step's
 * pieces only. Props are primitives, records whose identity the incremental MapReader keeps
 * while they are unchanged, and stable callbacks that take ids (never per-column closures).
 */
import { useDroppable } from "@dnd-kit/core";
import {
  elementKey,
  type Lane,
  type Phase,
  type PhaseId,
  type Touchpoint,
  type TouchpointId,
} from "@journeymap/schema";
import { type CSSProperties, memo } from "react";
import { AddButton } from "./AddButton.tsx";
import { emptyPhaseSlotId } from "./dragIds.ts";
import { LaneCell } from "./LaneCell.tsx";
import { OverviewCell } from "./OverviewCell.tsx";
import { TouchpointCard } from "./TouchpointCard.tsx";
import "./BoardCells.css";

export type MoveTouchpoint = (id: TouchpointId, phaseId: PhaseId, step: -1 | 1) => void;

/** The step slot of a phase without steps: a drop target, and "Add the first step". */
export const EmptyPhaseColumn = memo(function EmptyPhaseColumn({
  phase,
  column,
}: {
  phase: Phase;
  column: number;
}) {
  const { setNodeRef } = useDroppable({ id: emptyPhaseSlotId(phase.id) });
  return (
    <div
      ref={setNodeRef}
      className="step-cell empty-phase"
      data-column-id={`empty-${phase.id}`}
      style={
        { gridColumn: column + 2, gridRow: 2, "--phase-colour": phase.colour } as CSSProperties
      }
    >
      {!phase.synthetic && (
        <AddButton
          command="phase.addStep"
          target={{ kind: "phase", id: phase.id }}
          className="btn add-step"
        >
          Add the first step
        </AddButton>
      )}
    </div>
  );
});

export const StepCell = memo(function StepCell({
  touchpoint,
  column,
  colour,
  onMove,
}: {
  touchpoint: Touchpoint;
  column: number;
  colour: string;
  onMove: MoveTouchpoint;
}) {
  return (
    <div
      className="step-cell"
      data-column-id={touchpoint.id}
      style={{ gridColumn: column + 2, gridRow: 2, "--phase-colour": colour } as CSSProperties}
    >
      <TouchpointCard touchpoint={touchpoint} onMove={onMove} />
    </div>
  );
});

/** One lane × step cell of the grid (empty for a phase without steps). */
export const GridCell = memo(function GridCell({
  lane,
  touchpoint,
  row,
  column,
  colour,
  overview,
}: {
  lane: Lane;
  touchpoint: Touchpoint | null;
  row: number;
  column: number;
  colour: string;
  /** Far out: only what the overview shows (cards as blocks), cheap for hundreds of steps. */
  overview: boolean;
}) {
  return (
    <div
      className="cell"
      data-column-id={touchpoint?.id}
      data-presence={
        touchpoint
          ? elementKey({ kind: "cell", laneId: lane.id, touchpointId: touchpoint.id })
          : undefined
      }
      style={{ gridRow: row, gridColumn: column + 2, "--phase-colour": colour } as CSSProperties}
    >
      {touchpoint &&
        (overview ? (
          <OverviewCell lane={lane} touchpoint={touchpoint} />
        ) : (
          <LaneCell lane={lane} touchpoint={touchpoint} />
        ))}
    </div>
  );
});
