/**
 * React reads the map through the incremental MapReader and useSyncExternalStore, with a
 * selector: a component re-renders only when the part it selects changes identity.
 */
import { type JourneyMap, MapEditor, MapReader, createBoardUndoManager } from "@journeymap/schema";
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";

export interface MapSession {
  readonly doc: Y.Doc;
  readonly reader: MapReader;
  readonly editor: MapEditor;
  readonly undo: Y.UndoManager;
}

export const MapSessionContext = createContext<MapSession | null>(null);

export function useMapSessionFor(doc: Y.Doc): MapSession {
  const session = useMemo(() => {
    const reader = new MapReader(doc);
    return { doc, reader, editor: new MapEditor(doc), undo: createBoardUndoManager(doc) };
  }, [doc]);
  useEffect(
    () => () => {
      session.reader.destroy();
      session.undo.destroy();
    },
    [session],
  );
  return session;
}

export function useMapSession(): MapSession {
  const session = useContext(MapSessionContext);
  if (!session) throw new Error("useMapSession outside a MapSessionContext");
  return session;
}

export function useJourneyMap<T>(select: (map: JourneyMap) => T): T {
  const { reader } = useMapSession();
  return useSyncExternalStore(reader.subscribe, () => select(reader.read()));
}

export function useEditor(): MapEditor {
  return useMapSession().editor;
}
