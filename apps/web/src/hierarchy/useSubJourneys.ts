import { useEffect, useState } from "react";
import { useJourneyMap } from "../sync/useJourneyMap.ts";
import { listSubJourneys, type SubJourney } from "./hierarchyApi.ts";

/**
 * The server's summaries lag an edit by up to a second (the library's index; a map made over
 * HTTP waits for its sweep, every 5 s): an answer that does not know a link the board has yet,
 * or not the linked map, is asked again this often, this many times.
 */
const RETRY_MS = 1_000;
const RETRIES = 10;

export interface SubJourneys {
  /** By step id; a step the answer does not cover yet is missing. */
  readonly byStep: ReadonlyMap<string, SubJourney>;
  /** The map's own title, as the server knows it. */
  readonly title: string | null;
}

const NONE: SubJourneys = { byStep: new Map(), title: null };

/** `step:subMap` pairs of the board's linked steps, as one string (a stable selector value). */
function linksOf(map: { touchpoints: readonly { id: string; subMapId: string | null }[] }) {
  return map.touchpoints.flatMap((t) => (t.subMapId ? [`${t.id}:${t.subMapId}`] : [])).join(" ");
}

/** The sub-journeys of the board's steps, asked again whenever a step is linked or unlinked. */
export function useSubJourneys(mapId: string): SubJourneys {
  const links = useJourneyMap(linksOf);
  const [answer, setAnswer] = useState<SubJourneys>(NONE);
  useEffect(() => {
    if (links === "") {
      setAnswer(NONE);
      return;
    }
    const wanted = links.split(" ");
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (left: number) => {
      listSubJourneys(mapId).then(
        (list) => {
          if (!live) return;
          const byStep = new Map(list.subJourneys.map((s) => [s.stepId, s]));
          setAnswer({ byStep, title: list.title });
          // A sub-map not indexed yet reads as not available, as one we may not open does.
          const known = new Set(
            list.subJourneys.flatMap((s) => (s.available ? [`${s.stepId}:${s.subMapId}`] : [])),
          );
          if (left > 0 && !wanted.every((link) => known.has(link)))
            timer = setTimeout(() => ask(left - 1), RETRY_MS);
        },
        // No summaries (offline, a refused link): the steps show their link without figures.
        () => undefined,
      );
    };
    ask(RETRIES);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [mapId, links]);
  return answer;
}
