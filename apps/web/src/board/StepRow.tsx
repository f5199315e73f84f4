import { horizontalListSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { Footprints } from "lucide-react";
import { EmptyPhaseColumn, type MoveTouchpoint, StepCell } from "./BoardCells.tsx";
import type { Column } from "./columns.ts";
import "./LaneHeader.css";

export interface StepRowProps {
  readonly columns: readonly Column[];
  /** The indexes of the columns rendered now (the column window). */
  readonly shown: readonly number[];
  /** Every step's drag id (not only the rendered ones: see Board). */
  readonly stepIds: readonly string[];
  readonly onMove: MoveTouchpoint;
}

/** The grid's second row: the steps, or an empty slot for a phase without steps. */
export function StepRow({ columns, shown, stepIds, onMove }: StepRowProps) {
  return (
    <>
      <div className="lane-header lane-header--steps" style={{ gridRow: 2, gridColumn: 1 }}>
        <Footprints size={14} aria-hidden="true" />
        <span>Steps</span>
      </div>
      <SortableContext items={stepIds as string[]} strategy={horizontalListSortingStrategy}>
        {shown.map((i) => {
          const column = columns[i]!;
          return column.kind === "empty" ? (
            <EmptyPhaseColumn key={`empty-${column.phase.id}`} phase={column.phase} column={i} />
          ) : (
            <StepCell
              key={column.touchpoint.id}
              touchpoint={column.touchpoint}
              column={i}
              colour={column.phase.colour}
              onMove={onMove}
            />
          );
        })}
      </SortableContext>
    </>
  );
}
