/**
 * Where the active cell of a data grid goes for a key, following the APG grid pattern:
 * arrows move one cell (stopping at the edges), Home/End go to the row's first/last cell,
 * Ctrl+Home/End to the grid's first/last cell, PageUp/PageDown move by a page of rows.
 */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

export const PAGE_ROWS = 10;

/** The new position, or null when the key is not a navigation key (or the grid is empty). */
export function navigate(
  at: GridPosition,
  key: string,
  ctrl: boolean,
  size: GridSize,
): GridPosition | null {
  if (size.rows === 0 || size.cols === 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const clamp = (row: number, col: number) => ({
    row: Math.max(0, Math.min(lastRow, row)),
    col: Math.max(0, Math.min(lastCol, col)),
  });
  switch (key) {
    case "ArrowUp":
      return clamp(at.row - 1, at.col);
    case "ArrowDown":
      return clamp(at.row + 1, at.col);
    case "ArrowLeft":
      return clamp(at.row, at.col - 1);
    case "ArrowRight":
      return clamp(at.row, at.col + 1);
    case "Home":
      return ctrl ? { row: 0, col: 0 } : clamp(at.row, 0);
    case "End":
      return ctrl ? { row: lastRow, col: lastCol } : clamp(at.row, lastCol);
    case "PageUp":
      return clamp(at.row - PAGE_ROWS, at.col);
    case "PageDown":
      return clamp(at.row + PAGE_ROWS, at.col);
    default:
      return null;
  }
}
