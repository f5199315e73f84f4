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
  /** In read-only sessions every editor method does nothing (the server would reject it anyway). */
  readonly editor: MapEditor;
  readonly undo: Y.UndoManager;
  readonly readOnly: boolean;
}

/** An editor whose methods do nothing: viewers and commenters cannot change the map. */
function readOnlyEditor(editor: MapEditor): MapEditor {
  return new Proxy(editor, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? () => undefined : value;
    },
  });
}

export const MapSessionContext = createContext<MapSession | null>(null);

export function useMapSessionFor(doc: Y.Doc, readOnly: boolean): MapSession {
  const session = useMemo(() => {
    const reader = new MapReader(doc);
    const editor = new MapEditor(doc);
    return {
      doc,
      reader,
      editor: readOnly ? readOnlyEditor(editor) : editor,
      undo: createBoardUndoManager(doc),
      readOnly,
    };
  }, [doc, readOnly]);
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
