/**
 * Freshness on the board (issue 18): provides the map's freshness store to the board, and
 * adds the fading, the age on hover and the "Mark as verified" commands beside it.
 */
import type { ReactNode } from "react";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { FreshnessCommands } from "./FreshnessCommands.tsx";
import { FreshnessHover } from "./FreshnessHover.tsx";
import { FreshnessStyle } from "./FreshnessStyle.tsx";
import { FreshnessContext, useFreshnessStoreFor } from "./useFreshness.ts";
import "./freshness.css";

export function FreshnessLayer({ mapId, children }: { mapId: string; children: ReactNode }) {
  const session = useMapSession();
  const store = useFreshnessStoreFor(mapId, session);
  return (
    <FreshnessContext.Provider value={store}>
      {children}
      <FreshnessStyle />
      <FreshnessHover />
      {!session.readOnly && <FreshnessCommands />}
    </FreshnessContext.Provider>
  );
}
