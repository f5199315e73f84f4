import type { Persona } from "@journeymap/schema";
import { useState } from "react";
import type * as Y from "yjs";
import "../styles/board.css";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { Board } from "./Board.tsx";
import { BoardHeader } from "./BoardHeader.tsx";
import { useUndoShortcuts } from "./useUndoShortcuts.ts";

function SyncedBoard({ doc, connection }: { doc: Y.Doc; connection: MapConnection }) {
  const session = useMapSessionFor(doc);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  useUndoShortcuts(session.undo);
  const toggle = (persona: Persona) => {
    const next = new Set(hidden);
    if (next.has(persona.id)) next.delete(persona.id);
    else next.add(persona.id);
    setHidden(next);
  };
  return (
    <MapSessionContext.Provider value={session}>
      <div className="board-page">
        <BoardHeader connection={connection} hidden={hidden} onTogglePersona={toggle} />
        <Board hiddenPersonas={hidden} />
      </div>
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
        <div className="notice notice--error" role="alert">
          <strong>This map cannot be opened.</strong> It may not exist, or the link is wrong.{" "}
          <a href="/">All maps</a>
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
  return <SyncedBoard doc={connection.doc} connection={connection} />;
}
