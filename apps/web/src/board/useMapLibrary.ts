/**
 * The persona library of the board's workspace (issue 19), asked for when the persona dialog
 * opens. Null while unknown and for whoever may not use it (signed out, a guest, a map in no
 * workspace): the board then offers no library actions at all.
 */
import type { LibraryPersonaList } from "@journeymap/protocol/http";
import { useCallback, useEffect, useState } from "react";
import { listMapLibraryPersonas } from "../api/libraryPersonasApi.ts";

export interface MapLibrary {
  readonly library: LibraryPersonaList | null;
  /** Asks again (after saving a persona to the library). */
  readonly reload: () => void;
}

export function useMapLibrary(mapId: string, open: boolean): MapLibrary {
  const [library, setLibrary] = useState<LibraryPersonaList | null>(null);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void asked; // a reload() asks again
    listMapLibraryPersonas(mapId).then(
      (answer) => current && setLibrary(answer),
      () => current && setLibrary(null),
    );
    return () => {
      current = false;
    };
  }, [mapId, open, asked]);
  return { library, reload };
}
