/**
 * The lane names' width at 100 % (the `--lane-header-width` design token), in board pixels.
 * Read from the root, not the grid: the overview sets its own, which depends on the zoom.
 */
export function laneNamesWidth(): number {
  const token = getComputedStyle(document.documentElement).getPropertyValue("--lane-header-width");
  return Number.parseFloat(token) || 184;
}
