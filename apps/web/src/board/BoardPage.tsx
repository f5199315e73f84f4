import type { Persona } from "@journeymap/schema";
import { useEffect, useState } from "react";
import { listMaps } from "../api/mapsApi.ts";
import type * as Y from "yjs";
import "../styles/board.css";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { ReadOnlyContext } from "../ui/ReadOnlyContext.ts";
import { usePeers } from "../sync/presence.ts";
import { Board } from "./Board.tsx";
import { PeopleHere } from "./PeopleHere.tsx";
import { ProviderContext } from "./ProviderContext.ts";
import { BoardHeader } from "./BoardHeader.tsx";
import { useUndoShortcuts } from "./useUndoShortcuts.ts";

/** The role our link gives on this map: known if we created it, else asked from the server. */
function useRole(mapId: string, known: string | null): string | null {
  const [role, setRole] = useState(known);
  useEffect(() => {
    if (known) return;
    listMaps().then(
      (maps) => setRole(maps.find((m) => m.id === mapId)?.role ?? null),
      () => setRole(null),
    );
  }, [mapId, known]);
  return role;
}

function SyncedBoard({
  mapId,
  doc,
  connection,
}: {
  mapId: string;
  doc: Y.Doc;
  connection: MapConnection;
}) {
  const role = useRole(mapId, connection.role);
  const session = useMapSessionFor(doc, connection.readOnly);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  useUndoShortcuts(session.undo);
  const peers = usePeers(connection.awareness);
  const [followingId, setFollowing] = useState<number | null>(null);
  const following = peers.find((p) => p.clientId === followingId) ?? null;
  const toggle = (persona: Persona) => {
    const next = new Set(hidden);
    if (next.has(persona.id)) next.delete(persona.id);
    else next.add(persona.id);
    setHidden(next);
  };
  return (
    <MapSessionContext.Provider value={session}>
      <ReadOnlyContext.Provider value={connection.readOnly}>
        <ProviderContext.Provider value={connection.provider}>
          <div className={`board-page ${connection.readOnly ? "board--readonly" : ""}`}>
            <BoardHeader
              mapId={mapId}
              role={role}
              connection={connection}
              hidden={hidden}
              onTogglePersona={toggle}
              people={
                <PeopleHere
                  peers={peers}
                  following={following?.clientId ?? null}
                  onFollow={setFollowing}
                />
              }
            />
            <Board
              hiddenPersonas={hidden}
              awareness={connection.awareness}
              peers={peers}
              following={following}
              onStopFollowing={() => setFollowing(null)}
            />
          </div>
        </ProviderContext.Provider>
      </ReadOnlyContext.Provider>
    </MapSessionContext.Provider>
  );
}

/** The board route: connects to the map, then shows the board once the first sync is done. */
export default function BoardPage({ mapId }: { mapId: string }) {
  const connection = useMapConnection(mapId);
  if (!connection) return null;
  if (connection.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert" data-testid="board.refused">
          <strong>This map cannot be opened.</strong> {connection.refused} Ask the map's owner for a
          new link. <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  if (!connection.synced) {
    return (
      <div className="page" aria-busy="true">
        <p className="page-lede">Opening the map…</p>
      </div>
    );
  }
  return <SyncedBoard mapId={mapId} doc={connection.doc} connection={connection} />;
}
