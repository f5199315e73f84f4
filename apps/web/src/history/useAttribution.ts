/**
 * The thing clicked on the replayed board (or in a change list) and who made and changed it.
 * The attribution table is fetched on the first click and again once the timeline has moved
 * past it.
 */
import { useCallback, useRef, useState } from "react";
import type { AttributionTable, HistoryApi, Timeline } from "./HistoryApi.ts";

export interface Selection {
  /** The selected thing, as the board's data-presence key (or `lane:<id>`); null: none. */
  readonly selected: string | null;
  readonly attribution: AttributionTable | null;
  readonly select: (target: string) => void;
  readonly close: () => void;
}

export function useAttribution(
  api: HistoryApi,
  timeline: Timeline | null,
  onError: (message: string) => void,
): Selection {
  const [selected, setSelected] = useState<string | null>(null);
  const [attribution, setAttribution] = useState<AttributionTable | null>(null);
  const reportError = useRef(onError);
  reportError.current = onError;

  const select = useCallback(
    (target: string) => {
      setSelected(target);
      if (!attribution || (timeline && attribution.seq < timeline.seq)) {
        api.attribution().then(setAttribution, (e: Error) => reportError.current(e.message));
      }
    },
    [api, attribution, timeline],
  );

  return { selected, attribution, select, close: () => setSelected(null) };
}
