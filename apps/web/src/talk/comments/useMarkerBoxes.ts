import { type RefObject, useLayoutEffect, useReducer, useState } from "react";
import type { MapReader } from "@journeymap/schema";
import {
  type Box,
  type GridMetrics,
  geometryBox,
  type Lookups,
} from "../../board/markerGeometry.ts";
import type { Mark } from "./boardMarks.ts";
import { measureMarks, measureRows } from "./markerMeasure.ts";

/**
 * Where each in-view mark goes on the grid (the markers' parent): placed from the grid's
 * geometry, or measured for cards and curve points. Map changes, resizes and zoom re-measure.
 */
export function useMarkerBoxes(
  markers: RefObject<HTMLElement | null>,
  reader: MapReader,
  inView: readonly Mark[],
  zoom: number,
  lookups: Lookups,
): (mark: Mark) => Box | null | undefined {
  const [metrics, setMetrics] = useState<GridMetrics | null>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Box>>(new Map());
  const [tick, remeasure] = useReducer((n: number) => n + 1, 0);

  // Re-measure when the map changes (columns move), on resizes and on zoom.
  useLayoutEffect(() => {
    const grid = markers.current?.parentElement;
    if (!grid) return;
    const observer = new ResizeObserver(remeasure);
    observer.observe(grid);
    const unsubscribe = reader.subscribe(() => requestAnimationFrame(remeasure));
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, [markers, reader]);

  // Rows once per change (a dozen headers), and the in-view marks geometry cannot place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the re-measure signal
  useLayoutEffect(() => {
    const grid = markers.current?.parentElement;
    // Nothing to place: read nothing (a read here would force a layout after every commit).
    if (!grid || inView.length === 0) {
      setMeasured((current) => (current.size === 0 ? current : new Map()));
      setMetrics(null);
      return;
    }
    setMeasured(measureMarks(grid, inView, zoom));
    setMetrics(measureRows(grid, zoom));
  }, [markers, inView, zoom, tick]);

  return (m) =>
    m.measured ? measured.get(m.key) : metrics && geometryBox(m.ref, metrics, lookups);
}
