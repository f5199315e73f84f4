/** Pure pieces of the board's own UI state (zoom kept per tab, hidden personas). */

/** Where the zoom is kept, per browser tab, so a reload keeps the view. */
export const ZOOM_STORAGE_KEY = "journeymap.zoom";

/** The stored zoom, or 100% when nothing (or nothing sane) was stored. */
export function parseStoredZoom(raw: string | null): number {
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0.25 && value <= 2 ? value : 1;
}

/** `set` with `id` added if it was missing, removed if it was there. */
export function toggleMember(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
