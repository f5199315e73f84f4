/**
 * The minimap's place in the view bar, with its fold button: out of the board, so it never
 * covers a card (issue 15, B9); folded or not is remembered per browser (useBoardUi). The
 * board's scroller is found by its id: the bar is rendered beside the board, not inside it.
 */
import type { Persona } from "@journeymap/schema";
import { ChevronRight, Map as MapIcon } from "lucide-react";
import { type RefObject, useMemo } from "react";
import { useJourneyMap } from "../sync/useJourneyMap.ts";
import { boardColumns } from "./columns.ts";
import { Minimap } from "./Minimap.tsx";
import { useStableList } from "./useColumnWindow.ts";

export interface BoardMinimapProps {
  readonly shown: boolean;
  readonly hiddenPersonas: ReadonlySet<string>;
  readonly onToggle: () => void;
}

const boardScroller: RefObject<HTMLElement | null> = {
  get current() {
    return document.getElementById("board-scroll");
  },
};

export function BoardMinimap({ shown, hiddenPersonas, onToggle }: BoardMinimapProps) {
  const phases = useJourneyMap((m) => m.phases);
  const touchpointsByPhase = useJourneyMap((m) => m.touchpointsByPhase);
  const personas = useJourneyMap((m) => m.personas);
  const emotions = useJourneyMap((m) => m.emotions);
  const { columns, spans } = useMemo(
    () => boardColumns({ phases, touchpointsByPhase }),
    [phases, touchpointsByPhase],
  );
  const visible: readonly Persona[] = useStableList(
    personas.filter((p) => !hiddenPersonas.has(p.id)),
  );
  return (
    <div className="board-minimap">
      {shown && (
        <Minimap
          columns={columns}
          spans={spans}
          personas={visible}
          emotions={emotions}
          scroller={boardScroller}
        />
      )}
      <button
        type="button"
        className="icon-btn minimap-toggle"
        data-testid="board.minimap-toggle"
        aria-pressed={shown}
        aria-label={shown ? "Hide the overview" : "Show the overview"}
        title={shown ? "Hide the overview (M)" : "Show the overview (M)"}
        onClick={onToggle}
      >
        {shown ? <ChevronRight size={16} /> : <MapIcon size={16} />}
      </button>
    </div>
  );
}
