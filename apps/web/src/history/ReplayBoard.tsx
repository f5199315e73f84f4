import { diffMaps, type JourneyMap, type MapChange } from "@journeymap/schema";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { Board } from "../board/Board.tsx";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { ReadOnlyContext } from "../ui/ReadOnlyContext.ts";

const NO_PEOPLE: readonly never[] = [];
const NO_HIDDEN: ReadonlySet<string> = new Set();
const noop = () => {};

export interface ReplayBoardProps {
  readonly doc: Y.Doc;
  readonly seq: number;
  /** Generated highlight rules for the changed elements. */
  readonly css: string;
  /** Called after each move with what changed since the previous position, and the map now. */
  readonly onStep: (changes: readonly MapChange[], map: JourneyMap, fromSeq: number) => void;
  /** A click on a board element: its data-presence key, or `lane:<id>`. */
  readonly onSelect: (target: string) => void;
}

/**
 * The real board, read-only, over a document rebuilt at one moment of the map's history.
 * Moving forward changes the same document, so the incremental reader repaints only what
 * the step touched.
 */
export function ReplayBoard({ doc, seq, css, onStep, onSelect }: ReplayBoardProps) {
  const session = useMapSessionFor(doc, true);
  const previous = useRef<{ map: JourneyMap; seq: number } | null>(null);
  const report = useRef(onStep);
  report.current = onStep;

  useEffect(() => {
    const now = session.reader.read();
    const before = previous.current;
    report.current(before ? diffMaps(before.map, now) : [], now, before?.seq ?? seq);
    previous.current = { map: now, seq };
  }, [session, seq]);

  return (
    <MapSessionContext.Provider value={session}>
      <ReadOnlyContext.Provider value={true}>
        <div
          className="board-page board--readonly history-board"
          data-testid="history.board"
          onClickCapture={(e) => {
            const el = (e.target as Element).closest?.("[data-presence],[data-lane-id]");
            if (!el) return;
            const lane = el.getAttribute("data-lane-id");
            onSelect(lane ? `lane:${lane}` : (el.getAttribute("data-presence") ?? ""));
          }}
        >
          <style>{css}</style>
          <Board
            hiddenPersonas={NO_HIDDEN}
            awareness={null}
            peers={NO_PEOPLE}
            following={null}
            onStopFollowing={noop}
            zoom={0.85}
            showMinimap={false}
            onMenu={noop}
          />
        </div>
      </ReadOnlyContext.Provider>
    </MapSessionContext.Provider>
  );
}
