/** A map card's thumbnail: the silhouette of the copy this browser keeps, if it keeps one. */
import { useEffect, useState } from "react";
import { MapSilhouette } from "./MapSilhouette.tsx";
import type { MapOutline } from "./mapOutline.ts";

export function MapThumbnail({ mapId, updatedAt }: { mapId: string; updatedAt: number }) {
  const [outline, setOutline] = useState<MapOutline | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the map changed
  useEffect(() => {
    let live = true;
    import("./localOutline.ts")
      .then((m) => m.readLocalOutline(mapId))
      .then(
        (found) => live && setOutline(found),
        () => live && setOutline(null),
      );
    return () => {
      live = false;
    };
  }, [mapId, updatedAt]);
  if (!outline) return null;
  return (
    <div className="map-card-thumb" data-testid="maps.thumbnail">
      <MapSilhouette outline={outline} />
    </div>
  );
}
