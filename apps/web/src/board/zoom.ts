/**
 * Zoom of the board. The buttons and keys step through discrete levels (text stays crisp and
 * "reset" is one keystroke); "fit" and Ctrl/⌘+wheel give any zoom between MIN_ZOOM and
 * MAX_ZOOM, so a map of any length can be seen whole (issue 15, B10).
 */
export const ZOOM_LEVELS = [
  0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5,
] as const;

/** Far enough out for a 300-step map on a laptop screen (≈ 3.5 px per step). */
export const MIN_ZOOM = 0.015;
export const MAX_ZOOM = ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!;

/** Below this zoom, cell text is too small to read: the board draws its overview instead. */
export const OVERVIEW_BELOW = 0.45;

const roundDown = (zoom: number) => Math.floor(zoom * 1000) / 1000;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function zoomIn(current: number): number {
  return ZOOM_LEVELS.find((z) => z > current + 0.001) ?? MAX_ZOOM;
}

export function zoomOut(current: number): number {
  return [...ZOOM_LEVELS].reverse().find((z) => z < current - 0.001) ?? Math.min(current, 0.1);
}

/**
 * In the overview the lane names keep this many screen pixels, so they stay readable however
 * far out the map is (BoardOverview.css sets `--lane-header-width` from it).
 */
export const OVERVIEW_LEAD = 150;

/**
 * The zoom at which `contentWidth` (the lane names' `lead` plus the columns) fits in
 * `available`: any map fits (down to MIN_ZOOM), and a map that fits already is shown at 100%,
 * never enlarged.
 */
export function zoomToFit(contentWidth: number, available: number, lead = 0): number {
  return Math.min(1, zoomToShow(contentWidth, available, lead));
}

/** Ctrl/⌘+wheel: a smooth factor per wheel delta (a notch of 100 ≈ 18 %; a pinch, finer). */
export function zoomByWheel(current: number, deltaY: number): number {
  return clampZoom(current * Math.exp(-deltaY / 500));
}

/**
 * The scroll position that keeps the board point under `pointer` (px from the scroller's
 * edge) under it when the zoom goes from `from` to `to`.
 */
export function scrollKeepingPoint(scroll: number, pointer: number, from: number, to: number) {
  return Math.max(0, ((scroll + pointer) / from) * to - pointer);
}

/**
 * The zoom at which `width` board pixels (the lane names' `lead` plus columns) fill our
 * `available` pixels: fit, and follow mode (another's view width, so we see what they see
 * whatever either zoom is). In the overview the lane names keep OVERVIEW_LEAD screen pixels and
 * the columns share the rest. Rounded down so it really fits.
 */
export function zoomToShow(width: number, available: number, lead = 0): number {
  const zoom = roundDown(available / Math.max(1, width));
  if (zoom >= OVERVIEW_BELOW || lead <= 0) return clampZoom(zoom);
  // Below OVERVIEW_BELOW whenever `zoom` is (the fixed lead takes a larger share of the window).
  return clampZoom(roundDown((available - OVERVIEW_LEAD) / Math.max(1, width - lead)));
}
