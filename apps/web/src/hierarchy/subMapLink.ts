/** Where a sub-journey opens from its parent, and what a pasted map link names. */

const MAP_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAP_PATH = /\/maps\/([A-Za-z0-9_-]{8,64})(?:[/?#]|$)/;

/** The map a pasted link or id names (`https://…/maps/<id>#token=…`, `/maps/<id>`, `<id>`), or null. */
export function mapIdOfLink(text: string): string | null {
  const trimmed = text.trim();
  if (MAP_ID.test(trimmed)) return trimmed;
  return MAP_PATH.exec(trimmed)?.[1] ?? null;
}

/** The sub-journey's board, remembering the map it was opened from (for the way back). */
export function subJourneyPath(subMapId: string, parentMapId: string): string {
  return `/maps/${encodeURIComponent(subMapId)}?from=${encodeURIComponent(parentMapId)}`;
}

/** The parent map named by `?from=` in `search`, or null when there is none or it is no map id. */
export function parentMapIdOf(search: string): string | null {
  const from = new URLSearchParams(search).get("from");
  return from !== null && MAP_ID.test(from) ? from : null;
}
