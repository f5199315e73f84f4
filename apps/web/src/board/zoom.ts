/** Zoom steps of the board: discrete, so text stays crisp and "reset" is one keystroke. */
export const ZOOM_LEVELS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5] as const;

export function zoomIn(current: number): number {
  return ZOOM_LEVELS.find((z) => z > current + 0.001) ?? ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!;
}

export function zoomOut(current: number): number {
  return [...ZOOM_LEVELS].reverse().find((z) => z < current - 0.001) ?? ZOOM_LEVELS[0]!;
}

/** The largest step at which `contentWidth` fits in `available` (never above 100%). */
export function zoomToFit(contentWidth: number, available: number): number {
  const fit = available / Math.max(1, contentWidth);
  return [...ZOOM_LEVELS].reverse().find((z) => z <= Math.min(1, fit)) ?? ZOOM_LEVELS[0]!;
}
