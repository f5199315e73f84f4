/**
 * The board's attribution cache (sync/attributionCache.ts), one per open map, and the hook a
 * step's menu or a card's details use to show who added and changed the thing (issue 16, R6).
 */
import { elementKey, type ElementRef } from "@journeymap/schema";
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { HistoryApi } from "../history/HistoryApi.ts";
import { type AttributionCache, createAttributionCache } from "../sync/attributionCache.ts";
import { attributionParts } from "./attributionText.ts";

export const AttributionContext = createContext<AttributionCache | null>(null);

/** One cache for the map's board, told of every change to the map (a flag: cheap). */
export function useAttributionCacheFor(mapId: string, doc: Y.Doc): AttributionCache {
  const cache = useMemo(() => {
    const api = new HistoryApi(mapId);
    return createAttributionCache(() => api.attribution());
  }, [mapId]);
  useEffect(() => {
    doc.on("update", cache.markChanged);
    return () => doc.off("update", cache.markChanged);
  }, [doc, cache]);
  return cache;
}

const NOTHING = () => () => {};

/**
 * The sentence for `ref` in parts ("Added by Ana · 3 days ago", "Last changed by Ben · 5 min
 * ago"), asked for when the component mounts; null while unknown.
 */
export function useAttributionParts(ref: ElementRef): readonly string[] | null {
  const cache = useContext(AttributionContext);
  useEffect(() => cache?.request(), [cache]);
  const table = useSyncExternalStore(cache?.subscribe ?? NOTHING, () => cache?.read() ?? null);
  if (!table) return null;
  const attribution = table.targets[elementKey(ref)];
  return attribution ? attributionParts(attribution, Date.now()) : ["Not on the server yet"];
}
