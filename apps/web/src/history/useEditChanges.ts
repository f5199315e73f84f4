/**
 * What the shown edit changed (see editChanges.ts), kept for the shown moment: the map just
 * before the edit comes from the maps the view keeps (momentMaps.ts), or else the history API.
 * When that map is at hand (a seek passed it, or it was shown), the changes are computed in the
 * render that shows the moment, so the board and its list of changes paint in the same frame
 * (computed in an effect, then set, they painted a frame later: 8–19 ms more per move, issue
 * 16, R7).
 */
import type { Burst, JourneyMap } from "@journeymap/schema";
import { useEffect, useMemo, useState } from "react";
import { changesOfEdit, changesOfEditNow, type EditChanges } from "./editChanges.ts";
import type { MomentMaps } from "./momentMaps.ts";

export interface Moment {
  readonly map: JourneyMap;
  readonly seq: number;
}

export function useEditChanges(
  maps: MomentMaps,
  bursts: readonly Burst[],
  moment: Moment | null,
  onError: (message: string) => void,
): EditChanges | null {
  const now = useMemo(
    () =>
      moment
        ? changesOfEditNow((seq) => maps.peek(seq), bursts, moment.seq, moment.map)
        : undefined,
    [maps, bursts, moment],
  );
  const [shown, setShown] = useState<EditChanges | null>(null);
  useEffect(() => {
    if (!moment || now !== undefined) return;
    let current = true;
    changesOfEdit((seq) => maps.get(seq), bursts, moment.seq, moment.map).then(
      (changes) => current && setShown(changes),
      (e: Error) => current && onError(e.message),
    );
    return () => {
      current = false;
    };
  }, [maps, bursts, moment, onError, now]);
  return now ?? shown;
}
