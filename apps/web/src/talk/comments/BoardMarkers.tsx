/**
 * Marks on the board, drawn over it without touching the board's components: a numbered pin
 * on every item with open comment threads, an evidence count on steps and pain points (with
 * the contributors' mean sentiment), and, with the evidence layer on, "Assumed" on steps that
 * no evidence backs. Only marks whose column is near the viewport are drawn (the board renders
 * only those columns). Steps, cells and phases are placed from the grid's geometry
 * (board/markerGeometry.ts: columns have a fixed width, rows are measured once per row); cards
 * and the contributors' sentiment beside a curve point, whose place inside a column depends on
 * their content, are measured in the DOM, in view only. Map changes, zoom, resizes and
 * scrolling update the marks.
 */
import type { TalkTarget } from "@journeymap/schema";
import { type RefObject, useMemo, useRef } from "react";
import { boardColumns, COLUMN_WIDTH } from "../../board/columns.ts";
import { useColumnWindow } from "../../board/useColumnWindow.ts";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import { useTalk } from "../useTalk.ts";
import { BoardMark } from "./BoardMark.tsx";
import { buildMarks, markLookups, marksInView } from "./boardMarks.ts";
import { useMarkerBoxes } from "./useMarkerBoxes.ts";
import "../inbox/sentiment.css";
import "./BoardMarkers.css";

export function BoardMarkers({
  zoom,
  showAssumptions,
  onOpenThread,
}: {
  zoom: number;
  showAssumptions: boolean;
  onOpenThread: (target: TalkTarget) => void;
}) {
  const talk = useTalk();
  const map = useJourneyMap((m) => m);
  const { reader } = useMapSession();
  const ref = useRef<HTMLDivElement>(null);
  // The board's scroll container: the markers sit in the grid, the grid in the scroller.
  const scroller = useMemo(
    (): RefObject<HTMLElement | null> => ({
      get current() {
        return ref.current?.parentElement?.parentElement ?? null;
      },
    }),
    [],
  );
  const { phases, touchpointsByPhase, cardsByTouchpoint } = map;
  const columns = useMemo(
    () => boardColumns({ phases, touchpointsByPhase }),
    [phases, touchpointsByPhase],
  );
  const range = useColumnWindow(scroller, columns.columns.length, COLUMN_WIDTH, zoom);
  const marks = useMemo(
    () => buildMarks(talk.threads, map, showAssumptions),
    [talk.threads, map, showAssumptions],
  );
  // Each mark's column; marks outside the rendered window are not drawn.
  const lookups = useMemo(
    () => markLookups(columns, cardsByTouchpoint),
    [columns, cardsByTouchpoint],
  );
  const inView = useMemo(() => marksInView(marks, lookups, range), [marks, lookups, range]);
  const boxOf = useMarkerBoxes(ref, reader, inView, zoom, lookups);

  return (
    <div ref={ref} className="board-markers" aria-hidden="false">
      {inView.map((m) => {
        const box = boxOf(m);
        return box ? (
          <BoardMark key={m.key} mark={m} box={box} onOpenThread={onOpenThread} />
        ) : null;
      })}
    </div>
  );
}
