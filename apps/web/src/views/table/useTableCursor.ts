/**
 * The table's active cell and its editor (the grid's roving tabindex): where the cursor is,
 * by row and column identity so it stays on its cell while others' edits move rows; which
 * cell is being edited; and the keys that move, edit or type over a cell.
 */
import type { TouchpointId } from "@journeymap/schema";
import { type KeyboardEvent, type RefObject, useCallback, useState } from "react";
import type { Move } from "./CellEditors.tsx";
import { type GridPosition, navigate } from "./gridNavigation.ts";
import { editKindOf, type TableColumn } from "./tableColumns.ts";
import type { StepRow } from "./tableRows.ts";

interface Active {
  readonly rowId: TouchpointId | null;
  readonly colKey: string;
  /** Where it was, for when its row or column disappears (deleted by someone else). */
  readonly fallback: GridPosition;
}

export interface Editing {
  readonly rowId: TouchpointId;
  readonly colKey: string;
  /** The key typed over the cell, which replaces its value; null: edit the value. */
  readonly seed: string | null;
}

export interface TableCursor {
  /** The active cell now. */
  readonly at: GridPosition;
  readonly editing: Editing | null;
  /** Why a cell cannot be edited, for screen readers. */
  readonly status: string;
  readonly moveTo: (pos: GridPosition, focus?: boolean) => void;
  readonly startEditing: (pos: GridPosition, seed: string | null) => void;
  readonly finishEditing: (pos: GridPosition, move?: Move) => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => void;
}

const cellSelector = (pos: GridPosition) => `[data-cell="${pos.row}:${pos.col}"]`;

export function useTableCursor(
  rows: readonly StepRow[],
  columns: readonly TableColumn[],
  readOnly: boolean,
  gridRef: RefObject<HTMLTableElement | null>,
): TableCursor {
  const [active, setActive] = useState<Active>({
    rowId: null,
    colKey: "name",
    fallback: { row: 0, col: 1 },
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState("");

  const position = useCallback((): GridPosition => {
    const rowIndex = rows.findIndex((r) => r.tp.id === active.rowId);
    const colIndex = columns.findIndex((c) => c.key === active.colKey);
    const clamp = (n: number, size: number) => Math.max(0, Math.min(size - 1, n));
    return {
      row: rowIndex >= 0 ? rowIndex : clamp(active.fallback.row, rows.length),
      col: colIndex >= 0 ? colIndex : clamp(active.fallback.col, columns.length),
    };
  }, [rows, columns, active]);

  const moveTo = (pos: GridPosition, focus = true) => {
    const row = rows[pos.row];
    const col = columns[pos.col];
    if (!row || !col) return;
    setActive({ rowId: row.tp.id, colKey: col.key, fallback: pos });
    if (focus) gridRef.current?.querySelector<HTMLElement>(cellSelector(pos))?.focus();
  };

  const startEditing = (pos: GridPosition, seed: string | null) => {
    const row = rows[pos.row];
    const col = columns[pos.col];
    if (!row || !col) return;
    if (readOnly) {
      setStatus("This link can only view the map.");
      return;
    }
    if (!editKindOf(col)) {
      setStatus(`${col.label} is edited on the board.`);
      return;
    }
    setStatus("");
    setEditing({ rowId: row.tp.id, colKey: col.key, seed });
  };

  const finishEditing = (pos: GridPosition, move?: Move) => {
    setEditing(null);
    // Focus already went where the person clicked.
    if (move === "away") return;
    const next =
      move === "next"
        ? { row: pos.row, col: Math.min(columns.length - 1, pos.col + 1) }
        : move === "previous"
          ? { row: pos.row, col: Math.max(0, pos.col - 1) }
          : pos;
    moveTo(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const target = e.target as HTMLElement;
    if (!target.hasAttribute("data-cell")) return;
    const pos = position();
    const next = navigate(pos, e.key, e.ctrlKey || e.metaKey, {
      rows: rows.length,
      cols: columns.length,
    });
    if (next) {
      e.preventDefault();
      moveTo(next);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(pos, null);
      return;
    }
    const column = columns[pos.col];
    const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (typed && column && !readOnly) {
      const kind = editKindOf(column);
      if (kind === "line" || kind === "text" || kind === "score") {
        // Typing over a cell replaces it, as in a spreadsheet (and is not a board shortcut).
        e.preventDefault();
        e.stopPropagation();
        startEditing(pos, e.key);
      }
    }
  };

  return { at: position(), editing, status, moveTo, startEditing, finishEditing, onKeyDown };
}
