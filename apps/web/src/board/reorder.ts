/**
 * Translating a drag (or a keyboard move) into schema move calls. Schema move indices count
 * siblings EXCLUDING the moved item, so "drop before the item at position i" needs care
 * when the item came from earlier in the same list.
 */

/** Index (excluding the moved item) for placing `movedId` where `overId` is now. */
export function indexForDrop(ids: readonly string[], movedId: string, overId: string): number {
  const from = ids.indexOf(movedId);
  const to = ids.indexOf(overId);
  if (to < 0) return ids.filter((id) => id !== movedId).length;
  if (from < 0) return to;
  // Moving right lands after the target, moving left before it (like arrayMove).
  return to;
}

/** Index (excluding the moved item) one step left or right of its current position, clamped. */
export function indexForStep(ids: readonly string[], movedId: string, step: -1 | 1): number | null {
  const from = ids.indexOf(movedId);
  if (from < 0) return null;
  const to = from + step;
  if (to < 0 || to >= ids.length) return null;
  return to;
}
