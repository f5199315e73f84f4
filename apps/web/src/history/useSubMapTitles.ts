/**
 * The titles of the map's sub-journeys that the reader may open, by map id: the document holds
 * only a sub-journey's id, so "linked the sub-journey “Onboarding” to the step …" asks the
 * library (the same answer the board's chips read). Asked once per history view; a link
 * removed since, or a map the reader may not open, is told without its title.
 */
import { useEffect, useState } from "react";
import { listSubJourneys } from "../hierarchy/hierarchyApi.ts";

const NONE: ReadonlyMap<string, string> = new Map();

export function useSubMapTitles(mapId: string): ReadonlyMap<string, string> {
  const [titles, setTitles] = useState(NONE);
  useEffect(() => {
    let live = true;
    listSubJourneys(mapId).then(
      (list) => {
        if (!live) return;
        const known = list.subJourneys.flatMap((s) =>
          s.summary ? [[s.subMapId, s.summary.title] as const] : [],
        );
        setTitles(new Map(known));
      },
      // Without the library's answer the sentences say "a sub-journey".
      () => {},
    );
    return () => {
      live = false;
    };
  }, [mapId]);
  return titles;
}
