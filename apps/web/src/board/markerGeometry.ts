/**
 * Where things are on the board grid, computed from its geometry instead of measured: every
 * step column is COLUMN_WIDTH wide after the lane-name column, and rows are measured once (one
 * header per row) rather than once per item. Measuring each marked item with
 * getBoundingClientRect cost 631 ms of a 300-step board's first render and a forced layout
 * after every edit. Pure logic: boxes in unzoomed board pixels, relative to the grid.
 */
import type { ElementRef } from "@journeymap/schema";

/** A step card's inset in its column (the step cell's margin and padding). */
const CARD_INSET_X = 8;
const CARD_INSET_Y = 8;

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

export interface RowBox {
  readonly top: number;
  readonly height: number;
}

export interface GridMetrics {
  /** Width of the lane-name column before the first step column. */
  readonly leading: number;
  readonly columnWidth: number;
  /** Natural (unscrolled) rows: phase bands, steps, and each visible lane by id. */
  readonly phaseRow: RowBox;
  readonly stepRow: RowBox;
  readonly laneRows: ReadonlyMap<string, RowBox>;
}

export interface Lookups {
  /** A step's column, or -1. */
  readonly columnOf: (touchpointId: string) => number;
  /** A phase's first column and number of columns, or null. */
  readonly phaseSpan: (phaseId: string) => { start: number; span: number } | null;
}

/**
 * The box of a step card, a lane cell or a phase band, or null for what geometry cannot place
 * (cards stack in their cell, curve points move with their score): those are measured, and only
 * while their column is rendered.
 */
export function geometryBox(ref: ElementRef, m: GridMetrics, at: Lookups): Box | null {
  const x = (column: number) => m.leading + column * m.columnWidth;
  if (ref.kind === "touchpoint") {
    const column = at.columnOf(ref.id);
    if (column < 0) return null;
    return {
      left: x(column) + CARD_INSET_X,
      width: m.columnWidth - 2 * CARD_INSET_X,
      top: m.stepRow.top + CARD_INSET_Y,
      height: Math.max(0, m.stepRow.height - 2 * CARD_INSET_Y),
    };
  }
  if (ref.kind === "cell") {
    const row = m.laneRows.get(ref.laneId);
    const column = at.columnOf(ref.touchpointId);
    if (!row || column < 0) return null;
    return { left: x(column), width: m.columnWidth, top: row.top, height: row.height };
  }
  if (ref.kind === "phase") {
    const span = at.phaseSpan(ref.id);
    if (!span) return null;
    return {
      left: x(span.start),
      width: span.span * m.columnWidth,
      top: m.phaseRow.top,
      height: m.phaseRow.height,
    };
  }
  return null;
}

/**
 * The natural rows from the measured tops and heights of the phase row and each lane header
 * (the step row lies between them). Sticky rows are placed where they sit when the board is
 * not scrolled, so the result does not depend on the scroll position.
 */
export function rowsFrom(
  phaseRowHeight: number,
  lanes: readonly { id: string; top: number; height: number }[],
): Pick<GridMetrics, "phaseRow" | "stepRow" | "laneRows"> {
  const firstLaneTop = lanes.length > 0 ? Math.min(...lanes.map((l) => l.top)) : phaseRowHeight;
  return {
    phaseRow: { top: 0, height: phaseRowHeight },
    stepRow: { top: phaseRowHeight, height: Math.max(0, firstLaneTop - phaseRowHeight) },
    laneRows: new Map(lanes.map((l) => [l.id, { top: l.top, height: l.height }])),
  };
}
