/**
 * What the open board knows of its steps' sub-journeys, for the chips on its step cards. One
 * board is open at a time: SubJourneyLayer writes here while it is mounted (and clears it when
 * it leaves), the chips read with useSyncExternalStore. A store rather than a context keeps
 * the board's component tree as it is.
 */
import { useSyncExternalStore } from "react";
import type { SubJourney } from "./hierarchyApi.ts";

export interface KnownSubJourneys {
  /** The board's own map (the parent its sub-journeys lead back to); null: no board. */
  readonly mapId: string | null;
  readonly byStep: ReadonlyMap<string, SubJourney>;
}

const EMPTY: KnownSubJourneys = { mapId: null, byStep: new Map() };
let state = EMPTY;
const listeners = new Set<() => void>();

export function setKnownSubJourneys(next: KnownSubJourneys | null): void {
  state = next ?? EMPTY;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The board's map and what the server said of this step's sub-journey (null: nothing yet). */
export function useSubJourney(stepId: string): {
  mapId: string | null;
  subJourney: SubJourney | null;
} {
  const known = useSyncExternalStore(subscribe, () => state);
  return { mapId: known.mapId, subJourney: known.byStep.get(stepId) ?? null };
}
