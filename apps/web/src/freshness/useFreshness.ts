/**
 * The board's freshness store (FreshnessStore.ts) in React: one per open map, and small
 * hooks with primitive answers, so a phase header re-renders only when its own owner or count
 * changes, never on every edit of the map.
 */
import type { LastChangeTable } from "@journeymap/protocol/http";
import type { MapFreshness } from "@journeymap/schema";
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import { createAttributionCache } from "../sync/attributionCache.ts";
import type { MapSession } from "../sync/useJourneyMap.ts";
import { fetchLastChanges } from "./FreshnessApi.ts";
import { FreshnessStore } from "./FreshnessStore.ts";

export const FreshnessContext = createContext<FreshnessStore | null>(null);

export function useFreshnessStoreFor(mapId: string, session: MapSession): FreshnessStore {
  const store = useMemo(() => {
    const table = createAttributionCache<LastChangeTable>(() => fetchLastChanges(mapId));
    return new FreshnessStore(session.doc, session.reader, table);
  }, [mapId, session]);
  useEffect(() => store.start(), [store]);
  return store;
}

const NOTHING = () => () => {};

/** A selection of the map's freshness (null before the server answered), re-rendering on change. */
export function useFreshness<T>(select: (freshness: MapFreshness | null) => T): T {
  const store = useContext(FreshnessContext);
  return useSyncExternalStore(store?.subscribe ?? NOTHING, () => select(store?.read() ?? null));
}

/** The phase's owner (null: none). */
export function usePhaseOwner(phaseId: string): string | null {
  return useFreshness((f) => f?.phases.find((p) => p.phaseId === phaseId)?.owner ?? null);
}

/** How many of the phase's items need review. */
export function usePhaseStale(phaseId: string): number {
  return useFreshness((f) => f?.phases.find((p) => p.phaseId === phaseId)?.stale ?? 0);
}
