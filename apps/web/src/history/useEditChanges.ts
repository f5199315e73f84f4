/**
 * What the shown edit changed (see editChanges.ts), kept for the shown moment: the map just
 * before the edit comes from the history API, remembered for the last few moments asked.
 */
import { type Burst, type JourneyMap, readJourneyMap } from "@journeymap/schema";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { changesOfEdit, type EditChanges } from "./editChanges.ts";
import type { HistoryApi } from "./HistoryApi.ts";
import { docAt } from "./replayedDoc.ts";

/** Maps before an edit kept: stepping back and forth over a few edits asks once each. */
const KEPT = 16;

export interface Moment {
  readonly map: JourneyMap;
  readonly seq: number;
}

export function useEditChanges(
  api: HistoryApi,
  bursts: readonly Burst[],
  moment: Moment | null,
  onError: (message: string) => void,
): EditChanges | null {
  // One memory per map (per API): the maps before edits, most recently used last.
  const mapAt = useMemo(() => {
    const kept = new Map<number, Promise<JourneyMap>>();
    return (seq: number): Promise<JourneyMap> => {
      let map = kept.get(seq);
      if (!map) {
        map = (seq === 0 ? Promise.resolve(new Y.Doc()) : docAt(api, seq)).then((doc) => {
          const read = readJourneyMap(doc);
          doc.destroy();
          return read;
        });
        map.catch(() => kept.delete(seq));
      } else kept.delete(seq); // re-inserted below
      kept.set(seq, map);
      while (kept.size > KEPT) kept.delete(kept.keys().next().value as number);
      return map;
    };
  }, [api]);

  const [shown, setShown] = useState<EditChanges | null>(null);
  useEffect(() => {
    if (!moment) return;
    let current = true;
    changesOfEdit(mapAt, bursts, moment.seq, moment.map).then(
      (changes) => current && setShown(changes),
      (e: Error) => current && onError(e.message),
    );
    return () => {
      current = false;
    };
  }, [mapAt, bursts, moment, onError]);
  return shown;
}
