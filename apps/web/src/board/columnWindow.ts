/**
 * Column windowing: which of the board's step columns are rendered. A 300-step board is
 * 66,000 px wide and about 30,000 elements; building, committing and hit-testing all of them
 * made the first render, remote edits and scrolling several times too slow (see
 * docs/board-performance.md). Only the columns near the viewport are rendered; the grid keeps
 * its full `grid-template-columns`, and every cell is placed by explicit grid column, so the
 * columns left out are empty tracks of the right width and no spacer is needed.
 * Pure logic: no DOM, no React.
 */
import { type ElementRef, type JourneyMap, stepOf, type TouchpointId } from "@journeymap/schema";

/** Boards with at most this many columns render them all (a few thousand elements at most). */
export const WINDOW_MIN_COLUMNS = 48;
/**
 * The window moves in steps of this many columns, so scrolling re-renders the board every few
 * columns instead of on every scroll event. Each move has a fixed cost besides the columns it
 * mounts (the board, the emotion lane and dnd-kit's lists re-render, the grid is laid out
 * again): 8 spent ≈ 15 % less main-thread time per pixel scrolled than 4, 12 the same as 8,
 * and 16 more (48 columns in the DOM); see docs/board-performance.md.
 */
export const WINDOW_STEP = 8;

/**
 * How far beyond the viewport columns are rendered, and the step the window moves by. A board
 * people scroll (the live board) wants a wide margin; a board whose every column changes at
 * once (the history's, on each jump to another moment) pays for each rendered column on every
 * move, so it renders little beyond what is on screen.
 */
export interface WindowSpec {
  readonly step: number;
  /** Overscan on each side for a viewport this wide (CSS pixels). */
  readonly overscan: (viewportWidth: number) => number;
}

/**
 * The live board's: one viewport width on each side (at least 600 px), so a fast swipe that
 * the compositor scrolls ahead of the main thread still finds rendered columns.
 */
export const SCROLLING_WINDOW: WindowSpec = {
  step: WINDOW_STEP,
  overscan: (viewportWidth) => Math.max(600, viewportWidth),
};

/**
 * The history board's: a random jump mounted 16 columns of cells where about 7 show (68 cells,
 * most of the page's part of the jump); with this, 8. Scrolling it renders the entering columns
 * as the live board does, from a narrower margin.
 */
export const MOMENTS_WINDOW: WindowSpec = { step: 4, overscan: () => 200 };

export interface ColumnRange {
  /** First rendered column (0-based); `last < first` means none. */
  readonly first: number;
  /** Last rendered column, inclusive. */
  readonly last: number;
}

export interface WindowGeometry {
  /** The scroll container's scrollLeft and clientWidth, in (zoomed) CSS pixels. */
  readonly scrollLeft: number;
  readonly viewportWidth: number;
  readonly zoom: number;
  /** Width of one column and of the lane-name column before the first one (unzoomed). */
  readonly columnWidth: number;
  readonly leadingWidth: number;
  readonly count: number;
  /** Rendered on each side beyond the viewport, in (zoomed) CSS pixels. */
  readonly overscan: number;
  /** The window moves by this many columns (default WINDOW_STEP). */
  readonly step?: number;
}

export const ALL_COLUMNS = (count: number): ColumnRange => ({ first: 0, last: count - 1 });

/** The columns that intersect the viewport widened by the overscan, snapped to WINDOW_STEP. */
export function columnRange(g: WindowGeometry): ColumnRange {
  if (g.count <= WINDOW_MIN_COLUMNS) return ALL_COLUMNS(g.count);
  const unit = g.columnWidth * g.zoom;
  if (!(unit > 0)) return ALL_COLUMNS(g.count);
  const step = g.step ?? WINDOW_STEP;
  const left = g.scrollLeft - g.overscan - g.leadingWidth * g.zoom;
  const first = Math.max(0, Math.floor(left / unit / step) * step);
  // A fixed number of columns from `first` (the widest the span can need), so both ends move
  // together, once per step.
  const width = (g.viewportWidth + 2 * g.overscan) / unit;
  const span = (Math.ceil(width / step) + 1) * step;
  // Near the left end nothing is left of the board to render: stop at what the right edge needs.
  const right =
    (g.scrollLeft + g.viewportWidth + g.overscan) / unit - g.leadingWidth / g.columnWidth;
  const end = left < 0 ? Math.ceil((right + 1) / step) * step - 1 : first + span;
  const last = Math.min(g.count - 1, end);
  return { first: Math.min(first, g.count - 1), last };
}

/** The columns the viewport itself shows (no overscan, no snapping). */
export function visibleRange(g: WindowGeometry): ColumnRange {
  if (g.count <= WINDOW_MIN_COLUMNS) return ALL_COLUMNS(g.count);
  const unit = g.columnWidth * g.zoom;
  if (!(unit > 0)) return ALL_COLUMNS(g.count);
  const lead = g.leadingWidth * g.zoom;
  const first = Math.floor((g.scrollLeft - lead) / unit);
  const last = Math.ceil((g.scrollLeft + g.viewportWidth - lead) / unit) - 1;
  return { first: Math.max(0, first), last: Math.min(g.count - 1, last) };
}

/** Whether `outer` holds every column of `inner` (an empty `inner` is held by anything). */
export function covers(outer: ColumnRange, inner: ColumnRange): boolean {
  return inner.last < inner.first || (outer.first <= inner.first && outer.last >= inner.last);
}

/**
 * The rendered column indexes, in order: the range plus pinned columns (the one holding focus,
 * a step just added), so focus, an open editor or a step being named never unmounts.
 */
export function renderedColumns(range: ColumnRange, pinned: Iterable<number>): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, range.first); i <= range.last; i++) out.push(i);
  const extra = [...new Set(pinned)].filter((i) => i >= 0 && (i < range.first || i > range.last));
  if (extra.length === 0) return out;
  return [...out, ...extra].sort((a, b) => a - b);
}

/**
 * The window for a board that now has `count` columns. The window is state updated after
 * layout, so right after columns are removed (a deleted step, an undone phase) it can still
 * name columns that no longer exist; small boards render all their columns at once.
 */
export function fitRange(range: ColumnRange, count: number): ColumnRange {
  if (count <= WINDOW_MIN_COLUMNS) return ALL_COLUMNS(count);
  const last = Math.min(range.last, count - 1);
  return { first: Math.min(range.first, last), last };
}

export function sameRange(a: ColumnRange, b: ColumnRange): boolean {
  return a.first === b.first && a.last === b.last;
}

/** The step a card is on, if the card exists. */
export function stepOfCard(
  map: Pick<JourneyMap, "cardsByTouchpoint">,
  cardId: string,
): TouchpointId | undefined {
  for (const [touchpointId, cards] of map.cardsByTouchpoint)
    if (cards.some((c) => c.id === cardId)) return touchpointId;
  return undefined;
}

/**
 * The column an element is drawn in, or -1: a step's, a cell's or a curve point's step column, a
 * card's step column, a phase's first column. `columnOf` maps a step id to its column;
 * `cardStep` a card id to its step; `phaseStart` a phase id to its first column.
 */
export function columnOfElement(
  ref: ElementRef,
  columnOf: (touchpointId: string) => number,
  cardStep: (cardId: string) => string | undefined,
  phaseStart: (phaseId: string) => number,
): number {
  const step = stepOf(ref);
  if (step) return columnOf(step);
  if (ref.kind === "card") {
    const onStep = cardStep(ref.id);
    return onStep === undefined ? -1 : columnOf(onStep);
  }
  return ref.kind === "phase" ? phaseStart(ref.id) : -1;
}
