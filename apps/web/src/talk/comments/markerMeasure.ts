/**
 * What the board markers read from the DOM: the grid's rows (a dozen headers, once per change)
 * and the boxes of the marks geometry cannot place. Boxes are in unzoomed board pixels,
 * relative to the grid.
 */
import { COLUMN_WIDTH } from "../../board/columns.ts";
import { type Box, type GridMetrics, rowsFrom } from "../../board/markerGeometry.ts";
import type { Mark } from "./boardMarks.ts";

/** The lane-name column's width, the phase row's height and each lane row, unzoomed. */
export function measureRows(grid: HTMLElement, zoom: number): GridMetrics {
  const origin = grid.getBoundingClientRect();
  const corner = grid.querySelector(".corner")?.getBoundingClientRect();
  const band = grid.querySelector(".phase-band")?.getBoundingClientRect();
  const lanes = [...grid.querySelectorAll<HTMLElement>(".lane-header[data-lane-id]")].map((el) => {
    const r = el.getBoundingClientRect();
    return {
      id: el.getAttribute("data-lane-id") ?? "",
      top: (r.top - origin.top) / zoom,
      height: r.height / zoom,
    };
  });
  return {
    leading: corner ? corner.width / zoom : 184,
    columnWidth: COLUMN_WIDTH,
    ...rowsFrom(band ? band.height / zoom : 56, lanes),
  };
}

/** The boxes of the marks that are measured (cards, curve points), by mark key. */
export function measureMarks(
  grid: HTMLElement,
  marks: readonly Mark[],
  zoom: number,
): Map<string, Box> {
  const origin = grid.getBoundingClientRect();
  const boxes = new Map<string, Box>();
  for (const m of marks) {
    if (!m.measured) continue;
    const el = grid.querySelector(m.selector);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    boxes.set(m.key, {
      top: (r.top - origin.top) / zoom,
      left: (r.left - origin.left) / zoom,
      width: r.width / zoom,
      height: r.height / zoom,
    });
  }
  return boxes;
}
