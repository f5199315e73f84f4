/** Pure pieces of the board's own UI state (zoom kept per tab, minimap, hidden personas). */
import { MAX_ZOOM, MIN_ZOOM } from "./zoom.ts";

/** Where the zoom is kept, per browser tab, so a reload keeps the view. */
export const ZOOM_STORAGE_KEY = "journeymap.zoom";

/** The stored zoom, or 100% when nothing (or nothing sane) was stored. */
export function parseStoredZoom(raw: string | null): number {
  const value = Number(raw);
  return Number.isFinite(value) && value >= MIN_ZOOM && value <= MAX_ZOOM ? value : 1;
}

/** Where the minimap's shown or folded state is kept: per browser, like a preference. */
export const MINIMAP_STORAGE_KEY = "journeymap.minimap";

/** The minimap is shown unless this browser folded it. */
export function parseStoredMinimap(raw: string | null): boolean {
  return raw !== "hidden";
}

/** `set` with `id` added if it was missing, removed if it was there. */
export function toggleMember(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
