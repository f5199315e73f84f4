/**
 * Owns one map's Y.Doc and Hocuspocus provider for as long as the board is mounted, and
 * exposes the connection state the UI shows. The only module that touches the provider.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { adoptTokenFromUrl, displayName, heldRole, tokenFor } from "./tokens.ts";

export type ConnectionStatus = "connecting" | "online" | "offline";

export interface MapConnection {
  readonly doc: Y.Doc;
  readonly status: ConnectionStatus;
  /** True once the first sync with the server completed: the board can be shown. */
  readonly synced: boolean;
  /** Local changes the server has not confirmed yet. */
  readonly unsynced: number;
  /** Set when the server refused the map (unknown map, no or revoked link). */
  readonly refused: string | null;
  /** True when this link only lets us look (viewer, commenter): the UI blocks editing. */
  readonly readOnly: boolean;
  /** The role our link gives on this map, when we know it. */
  readonly role: string | null;
}

export function syncUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync`;
}

export function useMapConnection(mapId: string): MapConnection | null {
  const [connection, setConnection] = useState<MapConnection | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    adoptTokenFromUrl(mapId);
    let state: MapConnection = {
      doc,
      status: "connecting",
      synced: false,
      unsynced: 0,
      refused: null,
      readOnly: false,
      role: heldRole(mapId),
    };
    const update = (patch: Partial<MapConnection>) => {
      state = { ...state, ...patch };
      setConnection(state);
    };
    setConnection(state);
    const provider = new HocuspocusProvider({
      url: `${syncUrl(window.location)}?name=${encodeURIComponent(displayName() || "Guest")}`,
      name: `map:${mapId}`,
      document: doc,
      token: tokenFor(mapId),
      onAuthenticated: ({ scope }) => update({ readOnly: scope === "readonly", refused: null }),
      onStatus: ({ status }) =>
        update({
          status:
            status === "connected" ? "online" : status === "connecting" ? "connecting" : "offline",
        }),
      onSynced: () => update({ synced: true }),
      onUnsyncedChanges: ({ number }) => update({ unsynced: number }),
      onAuthenticationFailed: ({ reason }) =>
        update({ refused: reason || "This map does not exist." }),
    });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [mapId]);

  return connection;
}
