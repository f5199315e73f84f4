/**
 * Where each person on a map is: the history view marks its own awareness state with
 * `place: "history"`; anyone without the mark is on the board (or another view of it).
 * Read-only presence: nothing here writes the map, and the history view publishes no
 * selection, pointer or viewport.
 */
export const PLACE_FIELD = "place";
export type Place = "history" | "board";

/** Each client's place, from awareness states (validated: anything but "history" is the board). */
export function placesOf(states: ReadonlyMap<number, Record<string, unknown>>): Map<number, Place> {
  const places = new Map<number, Place>();
  for (const [clientId, state] of states) {
    places.set(clientId, state?.[PLACE_FIELD] === "history" ? "history" : "board");
  }
  return places;
}

/** "Ana, in the history" / "Ben, on the board": the avatar's accessible name and tooltip. */
export function describePlace(name: string, place: Place): string {
  return `${name}, ${place === "history" ? "in the history" : "on the board"}`;
}
