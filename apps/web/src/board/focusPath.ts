/**
 * Links to a map that open the board at one of its elements (`/maps/<id>?focus=<elementKey>`,
 * shown by useFocusFromUrl): what search hits and library lists link to. Apart from the hook
 * so a library page links without loading board code.
 */
import { parseElementKey } from "@journeymap/schema";

export const FOCUS_PARAM = "focus";

/** The map's path, at the element when the key names one the board shows (not the map itself). */
export function focusPath(mapId: string, elementKey: string | null): string {
  const path = `/maps/${encodeURIComponent(mapId)}`;
  const ref = elementKey === null ? null : parseElementKey(elementKey);
  if (ref === null || ref.kind === "meta") return path;
  return `${path}?${FOCUS_PARAM}=${encodeURIComponent(elementKey!)}`;
}
