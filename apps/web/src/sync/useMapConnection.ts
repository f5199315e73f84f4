/**
 * A map page's connection to its map (mapConnection.ts), held for as long as the page is
 * mounted; the connection's state is what the page shows.
 */
import { useEffect, useState } from "react";
import { takeEarlyConnection } from "./earlyConnection.ts";
import { type MapConnection, openMapConnection } from "./mapConnection.ts";
import { useLinkToken } from "./useLinkToken.ts";

export {
  type ConnectionStatus,
  connectingTo,
  connectionStatus,
  type MapConnection,
} from "./mapConnection.ts";

/**
 * `enabled` false holds the connection back (null until it is true): the history view joins
 * the live map only once its first moment is on screen, so the two do not decode at once.
 */
export function useMapConnection(mapId: string, enabled = true): MapConnection | null {
  const [connection, setConnection] = useState<MapConnection | null>(null);
  // A share link's token is settled first, so we connect with the token we will keep.
  const tokenSettled = useLinkToken(mapId);

  useEffect(() => {
    if (!tokenSettled || !enabled) return;
    // The board's connection may have been opened while this page's code was loading.
    const live = takeEarlyConnection(mapId) ?? openMapConnection(mapId);
    setConnection(live.current());
    const stopWatching = live.watch(setConnection);
    return () => {
      stopWatching();
      live.close();
    };
  }, [mapId, tokenSettled, enabled]);

  return connection;
}
