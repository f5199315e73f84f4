/**
 * The journey map grid: phases as column bands, steps, then one row per lane, with the
 * presence of others over it. Only the columns near the viewport are rendered (the column
 * window); dragging (dnd-kit) reorders phases, steps, lanes and cards.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { Persona, TouchpointId } from "@journeymap/schema";
import { type CSSProperties, type ReactNode, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { CommandTarget } from "../commands/CommandRegistry.ts";
import type { Peer } from "../sync/presence/presenceState.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { boardColumns, COLUMN_WIDTH, columnKey } from "./columns.ts";
import { renderedColumns, type WindowSpec } from "./columnWindow.ts";
import { dragAnnouncements } from "./dragAnnouncements.ts";
import { FollowingBar } from "./FollowingBar.tsx";
import { LaneFooter } from "./LaneFooter.tsx";
import { LaneRows } from "./LaneRows.tsx";
import { PhaseRow } from "./PhaseRow.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { StepRow } from "./StepRow.tsx";
import { useColumnWindow, useStableList } from "./useColumnWindow.ts";
import { useFollow } from "./useFollow.ts";
import { useGridEvents } from "./useGridEvents.ts";
import { useMoves } from "./useMoves.ts";
import { useSortableIds } from "./useSortableIds.ts";
import { useWheelZoom } from "./useWheelZoom.ts";
import { OVERVIEW_BELOW } from "./zoom.ts";
import "./Board.css";
import "./BoardOverview.css";

// Sensor options as constants: dnd-kit memoizes sensors on their options object, and new
// sensors give every draggable a new context value, re-rendering all steps, phases and cards
// on every render of the board (each remote edit, each peer's cursor move).
const POINTER_SENSOR = { activationConstraint: { distance: 6 } };
const KEYBOARD_SENSOR = { coordinateGetter: sortableKeyboardCoordinates };

export interface BoardProps {
  readonly hiddenPersonas: ReadonlySet<string>;
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  /** The person whose view we follow, if any; our own scrolling stops following. */
  readonly following: Peer | null;
  readonly onStopFollowing: () => void;
  /** 1 = 100%. Applied with CSS zoom; coordinates shared with others stay unzoomed. */
  readonly zoom: number;
  /** Changes the zoom (Ctrl/⌘+wheel, follow mode); without it the zoom is fixed. */
  readonly onZoom?: (update: (zoom: number) => number) => void;
  /** Opens the context menu of a phase, step or lane at (x, y). */
  readonly onMenu: (target: CommandTarget, x: number, y: number, from: HTMLElement | null) => void;
  /** A step just added here (by its phase's + or a command): kept rendered while its name opens. */
  readonly freshStep: TouchpointId | null;
  /** Drawn over the grid in board coordinates (comment pins, evidence counts). */
  readonly overlay?: ReactNode;
  /** Which columns beyond the viewport are rendered (default: the live board's SCROLLING_WINDOW). */
  readonly columnWindow?: WindowSpec;
}

/** The journey map grid: phases as column bands, steps, then one row per lane. */
export function Board({
  hiddenPersonas,
  awareness,
  peers,
  following,
  onStopFollowing,
  zoom,
  onZoom,
  onMenu,
  freshStep,
  overlay,
  columnWindow,
}: BoardProps) {
  const phases = useJourneyMap((m) => m.phases);
  const touchpointsByPhase = useJourneyMap((m) => m.touchpointsByPhase);
  const lanes = useJourneyMap((m) => m.lanes);
  const personas = useJourneyMap((m) => m.personas);
  const emotions = useJourneyMap((m) => m.emotions);
  const { reader, readOnly } = useMapSession();
  const { movePhase, moveTouchpoint, handleDragEnd } = useMoves();
  const accessibility = useMemo(
    () => ({ announcements: dragAnnouncements(() => reader.read()) }),
    [reader],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_SENSOR),
    useSensor(KeyboardSensor, KEYBOARD_SENSOR),
  );
  const { columns, spans } = useMemo(
    () => boardColumns({ phases, touchpointsByPhase }),
    [phases, touchpointsByPhase],
  );
  const visiblePersonas: readonly Persona[] = useStableList(
    personas.filter((p) => !hiddenPersonas.has(p.id)),
  );
  const visibleLanes = lanes.filter((l) => !l.hidden);

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLElement>(null);

  // Only the columns near the viewport are rendered (columnWindow.ts), plus the column that
  // holds focus and a step just added, so focus, open editors and naming survive scrolling.
  const range = useColumnWindow(scrollRef, columns.length, COLUMN_WIDTH, zoom, columnWindow);
  const [focusedColumn, setFocusedColumn] = useState<string | null>(null);
  const indexOfKey = useMemo(() => new Map(columns.map((c, i) => [columnKey(c), i])), [columns]);
  const shown = useStableList(
    renderedColumns(
      range,
      [focusedColumn, freshStep].flatMap((key) => (key ? [indexOfKey.get(key) ?? -1] : [])),
    ),
  );
  const { stepIds, phaseIds, laneIds } = useSortableIds(columns, phases, visibleLanes);
  const events = useGridEvents({
    awareness,
    zoom,
    gridRef,
    onMenu,
    onFocusColumn: setFocusedColumn,
  });
  const leaveFollowing = useFollow(scrollRef, following, onStopFollowing, {
    zoom,
    indexOfKey,
    spans,
    reader,
    ...(onZoom ? { onZoom } : {}),
  });
  useWheelZoom(scrollRef, zoom, onZoom);
  // Far out, cell text is too small to read: the overview shows step names and the curve.
  const overview = zoom < OVERVIEW_BELOW;

  const gridStyle = {
    // No `repeat(0, …)` for a map without steps: it is invalid, and the browser would then
    // drop the whole template and give the lane names half the board (issue 15, B11).
    gridTemplateColumns: `var(--lane-header-width) ${columns.length > 0 ? `repeat(${columns.length}, ${COLUMN_WIDTH}px) ` : ""}minmax(160px, 1fr)`,
    "--column-width": `${COLUMN_WIDTH}px`,
    "--zoom": zoom,
    // The overview shares the window's height between the lanes (BoardOverview.css).
    "--lane-count": visibleLanes.length,
    zoom,
  } as CSSProperties;
  const menuFrom = (target: CommandTarget, anchor: HTMLElement) => {
    const box = anchor.getBoundingClientRect();
    onMenu(target, box.left, box.bottom + 4, anchor);
  };
  const board = (
    <>
      {following && <FollowingBar following={following} onStop={onStopFollowing} />}
      <div
        className="board-scroll"
        ref={scrollRef}
        id="board-scroll"
        onScroll={events.onScroll}
        {...leaveFollowing}
      >
        <section
          className={overview ? "board-grid board-grid--overview" : "board-grid"}
          ref={gridRef}
          style={gridStyle}
          data-columns={columns.length}
          aria-label="Journey map"
          {...events.grid}
        >
          <PresenceLayer peers={peers} />
          {overlay}
          <div className="corner" style={{ gridRow: "1 / span 2", gridColumn: 1 }} />
          {/* Behind the phase bands and steps: nothing scrolled under them shows between. */}
          <div
            className="sticky-backdrop"
            style={{ gridRow: "1 / span 2", gridColumn: "2 / -1" }}
          />
          <PhaseRow
            spans={spans}
            phaseIds={phaseIds}
            columnCount={columns.length}
            readOnly={readOnly}
            onMove={movePhase}
          />
          <StepRow columns={columns} shown={shown} stepIds={stepIds} onMove={moveTouchpoint} />
          <LaneRows
            lanes={visibleLanes}
            laneIds={laneIds}
            columns={columns}
            shown={shown}
            personas={visiblePersonas}
            emotions={emotions}
            peers={peers}
            onDrag={events.publish.drag}
            onMenu={menuFrom}
            overview={overview}
          />
          <LaneFooter
            row={visibleLanes.length + 3}
            hiddenLanes={lanes.filter((l) => l.hidden)}
            readOnly={readOnly}
          />
        </section>
      </div>
    </>
  );
  // A board that may only be looked at has nothing to drag. Without the context, dnd-kit's
  // hooks register nothing: with it, every cell and card a move mounts registered itself and
  // re-rendered every other one (the history's replayed board, issue 16 R7).
  if (readOnly) return board;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={handleDragEnd}
      accessibility={accessibility}
    >
      {board}
    </DndContext>
  );
}
