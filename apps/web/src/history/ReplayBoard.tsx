import { elementKey, type JourneyMap } from "@journeymap/schema";
import { useLayoutEffect, useMemo, useRef } from "react";
import type * as Y from "yjs";
import { Board } from "../board/Board.tsx";
import { MOMENTS_WINDOW } from "../board/columnWindow.ts";
import { elementAt } from "../board/elementDom.ts";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { ReadOnlyContext } from "../ui/ReadOnlyContext.ts";

const NO_PEOPLE: readonly never[] = [];
const NO_HIDDEN: ReadonlySet<string> = new Set();
const noop = () => {};

export interface ReplayBoardProps {
  /** The display document, the same one for every moment. */
  readonly doc: Y.Doc;
  readonly seq: number;
  /** Generated highlight rules for the changed elements. */
  readonly css: string;
  /** Called after each move with the map shown (what changed is the page's: useEditChanges). */
  readonly onMoment: (map: JourneyMap, seq: number) => void;
  /** A click on a board element (a lane header included): its element key. */
  readonly onSelect: (target: string) => void;
}

/**
 * The real board, read-only, showing one moment of the map's history, always on one display
 * document that the replay (replayPort.ts) brings to each moment with only what differs: the
 * incremental reader keeps the identity of everything else and the memoized board repaints
 * only what the move changed (a new document per jump re-rendered the whole board).
 */
export function ReplayBoard({ doc, seq, css, onMoment, onSelect }: ReplayBoardProps) {
  const session = useMapSessionFor(doc, true);
  const report = useRef(onMoment);
  report.current = onMoment;

  // Before paint: the label and the board of one moment show in the same frame.
  useLayoutEffect(() => {
    report.current(session.reader.read(), seq);
  }, [session, seq]);

  // The board element is made once: a new highlight stylesheet (each step) must not re-render
  // the board; only the session's reader, through its selectors, decides what repaints.
  const board = useMemo(
    () => (
      <Board
        hiddenPersonas={NO_HIDDEN}
        awareness={null}
        peers={NO_PEOPLE}
        following={null}
        onStopFollowing={noop}
        zoom={0.85}
        onMenu={noop}
        freshStep={null}
        columnWindow={MOMENTS_WINDOW}
      />
    ),
    [],
  );

  return (
    <MapSessionContext.Provider value={session}>
      <ReadOnlyContext.Provider value={true}>
        <div
          className="board-page board--readonly history-board"
          data-testid="history.board"
          onClickCapture={(e) => {
            const hit = elementAt(e.target);
            if (hit) onSelect(elementKey(hit.ref));
          }}
        >
          <style>{css}</style>
          {board}
        </div>
      </ReadOnlyContext.Provider>
    </MapSessionContext.Provider>
  );
}
