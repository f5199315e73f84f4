/**
 * Where each person on a map is, in words: the history view marks its own presence as being
 * in the history (sync/presence); anyone without the mark is on the board (or another view
 * of it).
 */
import type { Place } from "../sync/presence/presenceState.ts";

/** "Ana, in the history" / "Ben, on the board": the avatar's accessible name and tooltip. */
export function describePlace(name: string, place: Place): string {
  return `${name}, ${place === "history" ? "in the history" : "on the board"}`;
}
