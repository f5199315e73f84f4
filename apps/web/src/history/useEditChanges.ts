/**
 * What the shown edit changed (see editChanges.ts), kept for the shown moment: the map just
 * before the edit comes from the maps the view keeps (momentMaps.ts), or else the history API.
 */
import type { Burst, JourneyMap } from "@journeymap/schema";
import { useEffect, useState } from "react";
import { changesOfEdit, type EditChanges } from "./editChanges.ts";
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
  const [shown, setShown] = useState<EditChanges | null>(null);
  useEffect(() => {
    if (!moment) return;
    let current = true;
    changesOfEdit((seq) => maps.get(seq), bursts, moment.seq, moment.map).then(
      (changes) => current && setShown(changes),
      (e: Error) => current && onError(e.message),
    );
    return () => {
      current = false;
    };
  }, [maps, bursts, moment, onError]);
  return shown;
}
