import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import {
  MINIMAP_STORAGE_KEY,
  parseStoredMinimap,
  parseStoredZoom,
  toggleMember,
  ZOOM_STORAGE_KEY,
} from "./boardUiState.ts";
import { COLUMN_WIDTH } from "./columns.ts";
import type { BoardUi } from "./useBoardCommands.ts";
import { FreshElement } from "./FreshElement.ts";
import { laneNamesWidth } from "./laneNamesWidth.ts";
import { zoomToFit } from "./zoom.ts";

/** Which persona editor is open, and on which persona. */
export interface PersonasDialog {
  open: boolean;
  id: string | null;
}

/**
 * The board's view state that lives outside the map: zoom, minimap, hidden personas, the
 * palette and persona dialogs, the element just added (whose name opens); plus the `BoardUi`
 * the commands drive.
 */
export function useBoardUi() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [zoom, setZoomState] = useState(() =>
    parseStoredZoom(sessionStorage.getItem(ZOOM_STORAGE_KEY)),
  );
  const [minimap, setMinimap] = useState(() =>
    parseStoredMinimap(localStorage.getItem(MINIMAP_STORAGE_KEY)),
  );
  const [palette, setPalette] = useState(false);
  // What was just added here, by a button or a command: the board opens its name for editing.
  const [fresh] = useState(() => new FreshElement());
  const freshStep = useSyncExternalStore(fresh.subscribe, fresh.step);
  const [personas, setPersonas] = useState<PersonasDialog>({ open: false, id: null });

  const togglePersona = useCallback((personaId: string) => {
    setHidden((current) => toggleMember(current, personaId));
  }, []);
  const setZoom = useCallback((update: (zoom: number) => number) => {
    setZoomState((current) => {
      const next = update(current);
      sessionStorage.setItem(ZOOM_STORAGE_KEY, String(next));
      return next;
    });
  }, []);
  const closePersonas = useCallback(() => setPersonas({ open: false, id: null }), []);
  const ui = useMemo(
    (): BoardUi => ({
      openPalette: () => setPalette(true),
      openPersonas: (id) => setPersonas({ open: true, id: id ?? null }),
      setZoom,
      fitToWindow: () => {
        // From the grid's layout, not its measured size: the last column stretches to the
        // window, so a measured width would never shrink below it.
        const grid = document.querySelector<HTMLElement>(".board-grid");
        const scroller = document.getElementById("board-scroll");
        if (!grid || !scroller) return;
        const lead = laneNamesWidth();
        const width = lead + Number(grid.dataset.columns ?? 0) * COLUMN_WIDTH;
        scroller.scrollLeft = 0;
        setZoom(() => zoomToFit(width, scroller.clientWidth, lead));
      },
      toggleMinimap: () =>
        setMinimap((shown) => {
          localStorage.setItem(MINIMAP_STORAGE_KEY, shown ? "hidden" : "shown");
          return !shown;
        }),
      togglePersona,
      hiddenPersonas: hidden,
      added: (ref) => fresh.mark(ref),
    }),
    [setZoom, togglePersona, hidden, fresh],
  );
  return {
    ui,
    hidden,
    togglePersona,
    zoom,
    minimap,
    palette,
    setPalette,
    fresh,
    freshStep,
    personas,
    closePersonas,
  };
}
export type BoardUiState = ReturnType<typeof useBoardUi>;
