import { horizontalListSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import type { PhaseId } from "@journeymap/schema";
import { AddButton } from "./AddButton.tsx";
import type { PhaseSpan } from "./columns.ts";
import { PhaseBand } from "./PhaseBand.tsx";
import "./PhaseRow.css";

export interface PhaseRowProps {
  readonly spans: readonly PhaseSpan[];
  /** The real phases' drag ids, stable while the phases are. */
  readonly phaseIds: readonly string[];
  readonly columnCount: number;
  readonly readOnly: boolean;
  readonly onMove: (id: PhaseId, step: -1 | 1) => void;
}

/** The grid's first row: a band per phase over its columns, then "Add phase". */
export function PhaseRow({ spans, phaseIds, columnCount, readOnly, onMove }: PhaseRowProps) {
  return (
    <>
      <SortableContext items={phaseIds as string[]} strategy={horizontalListSortingStrategy}>
        {spans.map(({ phase, start, span, touchpoints }) => (
          <PhaseBand
            key={phase.id}
            phase={phase}
            column={start}
            span={span}
            steps={touchpoints.length}
            onMove={onMove}
          />
        ))}
      </SortableContext>
      {!readOnly && (
        <div className="add-phase-column" style={{ gridRow: 1, gridColumn: columnCount + 2 }}>
          <AddButton command="phase.add" className="btn" testId="board.add-phase">
            Add phase
          </AddButton>
        </div>
      )}
    </>
  );
}
