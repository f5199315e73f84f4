import type { JourneyMap } from "@journeymap/schema";
import { CellEditor, type Move } from "./CellEditors.tsx";
import type { GridPosition } from "./gridNavigation.ts";
import { TableCellContent } from "./TableCellContent.tsx";
import { editKindOf, type TableColumn } from "./tableColumns.ts";
import { editableValue } from "./tableEdits.ts";
import { presenceAttribute } from "./tablePresence.ts";
import type { StepRow } from "./tableRows.ts";
import type { TableCursor } from "./useTableCursor.ts";

export interface TableStepRowProps {
  readonly map: JourneyMap;
  readonly row: StepRow;
  /** The row's index among all rows (0: the first step). */
  readonly index: number;
  readonly columns: readonly TableColumn[];
  readonly cursor: TableCursor;
  readonly readOnly: boolean;
  /** Saves an edited cell: an error message, or null once saved. */
  readonly onCommit: (
    row: StepRow,
    column: TableColumn,
    pos: GridPosition,
  ) => (value: string, move?: Move) => string | null;
}

/** One step's row of the grid: a row header (its name) and a cell per column. */
export function TableStepRow({
  map,
  row,
  index,
  columns,
  cursor,
  readOnly,
  onCommit,
}: TableStepRowProps) {
  const { at, editing } = cursor;
  return (
    <tr aria-rowindex={index + 2} data-touchpoint-id={row.tp.id}>
      {columns.map((column, colIndex) => {
        const pos = { row: index, col: colIndex };
        const isActive = at.row === index && at.col === colIndex;
        const isEditing = editing?.rowId === row.tp.id && editing.colKey === column.key;
        const kind = readOnly ? null : editKindOf(column);
        const Cell = column.kind === "name" ? "th" : "td";
        return (
          <Cell
            key={column.key}
            role={column.kind === "name" ? "rowheader" : "gridcell"}
            scope={column.kind === "name" ? "row" : undefined}
            aria-colindex={colIndex + 1}
            aria-readonly={kind ? undefined : true}
            tabIndex={isActive && !isEditing ? 0 : -1}
            className={`tv-cell tv-col-${column.kind} ${isActive ? "tv-cell--active" : ""} ${isEditing ? "tv-cell--editing" : ""}`}
            data-cell={`${index}:${colIndex}`}
            data-col={column.key}
            data-presence={presenceAttribute(column, row.tp)}
            data-testid="views.cell"
            onFocus={(e) => {
              if (e.target === e.currentTarget && !isActive) cursor.moveTo(pos, false);
            }}
            onClick={() => {
              if (!isActive) cursor.moveTo(pos);
            }}
            onDoubleClick={() => cursor.startEditing(pos, null)}
          >
            {isEditing && kind ? (
              <CellEditor
                kind={kind}
                label={`${column.label} at ${row.tp.name}`}
                initial={editableValue(map, column, row.tp)}
                seed={editing.seed}
                onCommit={onCommit(row, column, pos)}
                onCancel={(move) => cursor.finishEditing(pos, move)}
              />
            ) : (
              <TableCellContent
                map={map}
                column={column}
                tp={row.tp}
                phase={row.phase}
                firstInPhase={row.firstInPhase}
              />
            )}
          </Cell>
        );
      })}
    </tr>
  );
}
