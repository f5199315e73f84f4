import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS as DndCss } from "@dnd-kit/utilities";
import {
  elementKey,
  type Lane,
  type Persona,
  type PhaseId,
  type TouchpointId,
} from "@journeymap/schema";
import {
  Activity,
  EyeOff,
  Footprints,
  Lightbulb,
  ListChecks,
  MessageSquareQuote,
  Plus,
  Radio,
  StickyNote,
  MoreHorizontal,
  TriangleAlert,
} from "lucide-react";
import {
  type CSSProperties,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Awareness } from "y-protocols/awareness";
import { isSelectable, type Peer } from "../sync/presence/presenceState.ts";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";
import { type CommandTarget, isCommandTarget } from "../commands/CommandRegistry.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { initials } from "../ui/initials.ts";
import { Minimap } from "./Minimap.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { boardColumns, COLUMN_WIDTH, columnKey } from "./columns.ts";
import { columnOfElement, renderedColumns, stepOfCard } from "./columnWindow.ts";
import { DragHandle } from "./DragHandle.tsx";
import { dragId } from "./dragIds.ts";
import { elementAt, elementSelector } from "./elementDom.ts";
import { useColumnWindow, useStableList } from "./useColumnWindow.ts";
import { EMOTION_LANE_HEIGHT, EmotionLane } from "./EmotionLane.tsx";
import { EmptyPhaseColumn, GridCell, StepCell } from "./BoardCells.tsx";
import { PhaseBand } from "./PhaseBand.tsx";
import { useMoves } from "./useMoves.ts";

// Sensor options as constants: dnd-kit memoizes sensors on their options object, and new
// sensors give every draggable a new context value, re-rendering all steps, phases and cards
// on every render of the board (each remote edit, each peer's cursor move).
const POINTER_SENSOR = { activationConstraint: { distance: 6 } };
const KEYBOARD_SENSOR = { coordinateGetter: sortableKeyboardCoordinates };

const SCROLL_KEYS = new Set([
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "PageUp",
  "PageDown",
  "Home",
  "End",
  " ",
]);

const LANE_ICONS = {
  actions: ListChecks,
  channels: Radio,
  thoughts: MessageSquareQuote,
  emotions: Activity,
  painPoints: TriangleAlert,
  opportunities: Lightbulb,
  text: StickyNote,
} as const;

function LaneHeader({
  lane,
  row,
  onMenu,
}: {
  lane: Lane;
  row: number;
  onMenu: (target: CommandTarget, anchor: HTMLElement) => void;
}) {
  const editor = useEditor();
  const Icon = LANE_ICONS[lane.kind];
  const sortable = useSortable({ id: dragId({ kind: "lane", id: lane.id }) });
  return (
    <div
      ref={sortable.setNodeRef}
      className={`lane-header ${sortable.isDragging ? "is-dragging" : ""}`}
      style={{
        gridRow: row,
        gridColumn: 1,
        transform: DndCss.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      data-lane-id={lane.id}
      data-testid="board.lane"
    >
      <DragHandle
        sortable={sortable}
        label={`Reorder lane ${lane.name}`}
        size={12}
        className="lane-handle"
      />
      <Icon size={14} aria-hidden="true" />
      <span className="lane-name">
        <InlineText
          value={lane.name}
          label="Lane name"
          testId="board.lane-name"
          onCommit={(name) => editor.updateLane(lane.id, { name })}
        />
        {lane.kind === "emotions" && <div className="scale-labels">+3 delighted · −3 furious</div>}
      </span>
      <button
        type="button"
        className="icon-btn lane-menu"
        aria-label={`Actions for the lane ${lane.name}`}
        aria-haspopup="menu"
        data-testid="board.lane-menu"
        onClick={(e) => onMenu({ kind: "lane", id: lane.id }, e.currentTarget)}
      >
        <MoreHorizontal size={14} />
      </button>
    </div>
  );
}

export interface BoardProps {
  readonly hiddenPersonas: ReadonlySet<string>;
  readonly awareness: Awareness | null;
  readonly peers: readonly Peer[];
  /** The person whose view we follow, if any; our own scrolling stops following. */
  readonly following: Peer | null;
  readonly onStopFollowing: () => void;
  /** 1 = 100%. Applied with CSS zoom; coordinates shared with others stay unzoomed. */
  readonly zoom: number;
  readonly showMinimap: boolean;
  /** Opens the context menu of a phase, step or lane at (x, y). */
  readonly onMenu: (target: CommandTarget, x: number, y: number, from: HTMLElement | null) => void;
  /** Drawn over the grid in board coordinates (comment pins, evidence counts). */
  readonly overlay?: ReactNode;
}

/** The phase, step or lane an event happened on, for its context menu. */
function menuTarget(target: EventTarget): { target: CommandTarget; el: HTMLElement } | null {
  const hit = elementAt(target);
  return hit && isCommandTarget(hit.ref) ? { target: hit.ref, el: hit.el } : null;
}

/** The journey map grid: phases as column bands, steps, then one row per lane. */
export function Board({
  hiddenPersonas,
  awareness,
  peers,
  following,
  onStopFollowing,
  zoom,
  showMinimap,
  onMenu,
  overlay,
}: BoardProps) {
  const editor = useEditor();
  const phases = useJourneyMap((m) => m.phases);
  const touchpointsByPhase = useJourneyMap((m) => m.touchpointsByPhase);
  const lanes = useJourneyMap((m) => m.lanes);
  const personas = useJourneyMap((m) => m.personas);
  const emotions = useJourneyMap((m) => m.emotions);
  const [fresh, setFresh] = useState<TouchpointId | null>(null);
  const { movePhase, moveTouchpoint, handleDragEnd } = useMoves();
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
  const hiddenLanes = lanes.filter((l) => l.hidden);

  const addTouchpoint = useCallback(
    (phaseId: PhaseId) =>
      setFresh(editor.addTouchpoint({ phaseId, name: "New step", channel: "website" })),
    [editor],
  );
  const addPhase = () => editor.addPhase({ name: "New phase" });

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLElement>(null);

  // Only the columns near the viewport are rendered (columnWindow.ts), plus the column that
  // holds focus and a step just added, so focus, open editors and naming survive scrolling.
  const range = useColumnWindow(scrollRef, columns.length, COLUMN_WIDTH, zoom);
  const [focusedColumn, setFocusedColumn] = useState<string | null>(null);
  const indexOfKey = useMemo(() => new Map(columns.map((c, i) => [columnKey(c), i])), [columns]);
  const shown = useStableList(
    renderedColumns(
      range,
      [focusedColumn, fresh].flatMap((key) => (key ? [indexOfKey.get(key) ?? -1] : [])),
    ),
  );
  // Every step, not only the rendered ones: a list that changed with the window gave every
  // rendered step a new index, and dnd-kit re-renders every `useSortable` whose context value
  // changes, so each window move (≈ 17 a second while scrolling) re-rendered all rendered
  // steps. dnd-kit's list strategies skip items without a measured rect, and only rendered
  // steps register one.
  const stepIds = useStableList(
    columns.flatMap((c) =>
      c.kind === "touchpoint" ? [dragId({ kind: "touchpoint", id: c.touchpoint.id })] : [],
    ),
  );
  const phaseIds = useStableList(
    phases.filter((p) => !p.synthetic).map((p) => dragId({ kind: "phase", id: p.id })),
  );
  const laneIds = useStableList(visibleLanes.map((l) => dragId({ kind: "lane", id: l.id })));
  const publish = useMemo(() => presenceWriter(awareness), [awareness]);
  const select = (target: EventTarget) => {
    const hit = elementAt(target);
    if (!hit || !isSelectable(hit.ref)) return;
    const editing = !!(target as Element).closest?.("[contenteditable=true], input, textarea");
    publish.select({ ref: hit.ref, editing });
  };
  // Follow mode: scroll to the followed person's viewport; our own scrolling ends it.
  const following_left = following?.viewport?.left;
  const following_top = following?.viewport?.top;
  useEffect(() => {
    if (following_left === undefined || following_top === undefined) return;
    scrollRef.current?.scrollTo({
      left: following_left * zoom,
      top: following_top * zoom,
      behavior: "smooth",
    });
  }, [following_left, following_top, zoom]);
  // ...and keep what they have selected in view (our window may be smaller than theirs).
  const followed = following?.selection?.ref ?? null;
  const followedKey = followed ? elementKey(followed) : null;
  const { reader, readOnly } = useMapSession();
  const latest = useRef({ indexOfKey, spans, zoom, reader, followed });
  latest.current = { indexOfKey, spans, zoom, reader, followed };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `followedKey` stands for `followed`
  useEffect(() => {
    const { indexOfKey, spans, zoom, reader, followed } = latest.current;
    if (!followed) return;
    const scroller = scrollRef.current;
    const selector = elementSelector(followed);
    const target = selector ? scroller?.querySelector(selector) : null;
    if (target) {
      target.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "smooth" });
      return;
    }
    // Not rendered (its column is outside the window): scroll its column into view, which
    // renders it.
    const column = columnOfElement(
      followed,
      (id) => indexOfKey.get(id) ?? -1,
      (id) => stepOfCard(reader.read(), id),
      (id) => spans.find((s) => s.phase.id === id)?.start ?? -1,
    );
    if (!scroller || column < 0) return;
    const lead = Number.parseFloat(
      getComputedStyle(scroller).getPropertyValue("--lane-header-width") || "184",
    );
    const left = (lead + column * COLUMN_WIDTH) * zoom;
    const right = left + COLUMN_WIDTH * zoom;
    if (left < scroller.scrollLeft || right > scroller.scrollLeft + scroller.clientWidth)
      scroller.scrollTo({ left: left - lead * zoom, behavior: "smooth" });
  }, [followedKey]);

  const gridStyle = {
    gridTemplateColumns: `var(--lane-header-width) repeat(${columns.length}, ${COLUMN_WIDTH}px) minmax(160px, 1fr)`,
    "--column-width": `${COLUMN_WIDTH}px`,
    zoom,
  } as CSSProperties;
  const menuFrom = (target: CommandTarget, anchor: HTMLElement) => {
    const box = anchor.getBoundingClientRect();
    onMenu(target, box.left, box.bottom + 4, anchor);
  };
  const openMenuAt = (target: EventTarget, x: number, y: number) => {
    const hit = menuTarget(target);
    if (!hit) return false;
    onMenu(hit.target, x, y, hit.el);
    return true;
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={handleDragEnd}>
      {following && (
        <div className="following-bar" role="status" data-testid="board.following">
          <span className="avatar" style={{ background: following.colour }} aria-hidden="true">
            {initials(following.name)}
          </span>
          Following {following.name}
          <button type="button" className="btn btn--ghost" onClick={onStopFollowing}>
            Stop
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the handlers only notice our own scrolling (to leave follow mode) */}
      <div
        className="board-scroll"
        ref={scrollRef}
        id="board-scroll"
        onScroll={(e) =>
          publish.viewport({
            left: Math.round(e.currentTarget.scrollLeft / zoom),
            top: Math.round(e.currentTarget.scrollTop / zoom),
          })
        }
        onWheel={() => following && onStopFollowing()}
        onTouchMove={() => following && onStopFollowing()}
        onPointerDown={(e) => {
          // A press on the scroll container itself is on its scrollbar: our own scroll.
          if (following && e.target === e.currentTarget) onStopFollowing();
        }}
        onKeyDown={(e) => {
          if (following && e.target === e.currentTarget && SCROLL_KEYS.has(e.key))
            onStopFollowing();
        }}
      >
        <section
          className="board-grid"
          ref={gridRef}
          style={gridStyle}
          aria-label="Journey map"
          onFocusCapture={(e) => {
            select(e.target);
            const key = (e.target as Element)
              .closest?.("[data-column-id]")
              ?.getAttribute("data-column-id");
            if (key) setFocusedColumn(key);
          }}
          onBlurCapture={publish.stopEditing}
          onPointerDownCapture={(e) => select(e.target)}
          onPointerMove={(e) => {
            const box = gridRef.current?.getBoundingClientRect();
            if (box)
              publish.pointer({
                x: Math.round((e.clientX - box.left) / zoom),
                y: Math.round((e.clientY - box.top) / zoom),
              });
          }}
          onContextMenu={(e) => {
            if ((e.target as Element).closest("input, textarea, [contenteditable=true]")) return;
            if (openMenuAt(e.target, e.clientX, e.clientY)) e.preventDefault();
          }}
          onKeyDown={(e) => {
            if (e.key !== "ContextMenu" && !(e.shiftKey && e.key === "F10")) return;
            const box = (e.target as Element).getBoundingClientRect();
            if (openMenuAt(e.target, box.left + 8, box.bottom)) e.preventDefault();
          }}
          onPointerLeave={() => publish.pointer(null)}
        >
          <PresenceLayer peers={peers} />
          {overlay}
          <div className="corner" style={{ gridRow: "1 / span 2", gridColumn: 1 }} />
          <SortableContext items={phaseIds as string[]} strategy={horizontalListSortingStrategy}>
            {spans.map(({ phase, start, span, touchpoints }) => (
              <PhaseBand
                key={phase.id}
                phase={phase}
                column={start}
                span={span}
                steps={touchpoints.length}
                onMove={movePhase}
                onAddTouchpoint={addTouchpoint}
              />
            ))}
          </SortableContext>
          {!readOnly && (
            <div
              className="add-phase-column"
              style={{ gridRow: 1, gridColumn: columns.length + 2 }}
            >
              <button
                type="button"
                className="btn"
                data-testid="board.add-phase"
                onClick={addPhase}
              >
                <Plus size={14} /> Add phase
              </button>
            </div>
          )}

          <div className="lane-header lane-header--steps" style={{ gridRow: 2, gridColumn: 1 }}>
            <Footprints size={14} aria-hidden="true" />
            <span>Steps</span>
          </div>
          <SortableContext items={stepIds as string[]} strategy={horizontalListSortingStrategy}>
            {shown.map((i) => {
              const column = columns[i]!;
              return column.kind === "empty" ? (
                <EmptyPhaseColumn
                  key={`empty-${column.phase.id}`}
                  phase={column.phase}
                  column={i}
                  onAdd={addTouchpoint}
                />
              ) : (
                <StepCell
                  key={column.touchpoint.id}
                  touchpoint={column.touchpoint}
                  column={i}
                  colour={column.phase.colour}
                  autoEdit={fresh === column.touchpoint.id}
                  onMove={moveTouchpoint}
                />
              );
            })}
          </SortableContext>

          <SortableContext items={laneIds as string[]} strategy={verticalListSortingStrategy}>
            {visibleLanes.map((lane, laneIndex) => {
              const row = laneIndex + 3;
              if (lane.kind === "emotions") {
                return [
                  <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} onMenu={menuFrom} />,
                  <div
                    key={lane.id}
                    style={{
                      gridRow: row,
                      gridColumn: `2 / span ${columns.length}`,
                      height: EMOTION_LANE_HEIGHT,
                    }}
                  >
                    <EmotionLane
                      columns={columns}
                      shown={shown}
                      columnWidth={COLUMN_WIDTH}
                      personas={visiblePersonas}
                      active={visiblePersonas[0] ?? null}
                      emotions={emotions}
                      peers={peers}
                      onDrag={publish.drag}
                    />
                  </div>,
                ];
              }
              return [
                <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} onMenu={menuFrom} />,
                ...shown.map((i) => {
                  const column = columns[i]!;
                  return (
                    <GridCell
                      key={`${lane.id}-${columnKey(column)}`}
                      lane={lane}
                      touchpoint={column.kind === "touchpoint" ? column.touchpoint : null}
                      row={row}
                      column={i}
                      colour={column.phase.colour}
                    />
                  );
                }),
              ];
            })}
          </SortableContext>
          <div
            className="lane-footer"
            style={{ gridRow: visibleLanes.length + 3, gridColumn: 1 }}
            data-testid="board.lane-footer"
          >
            {!readOnly && (
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="board.add-lane"
                onClick={() => editor.addLane({ name: "Notes" })}
              >
                <Plus size={14} /> Add lane
              </button>
            )}
            {!readOnly &&
              hiddenLanes.map((lane) => (
                <button
                  key={lane.id}
                  type="button"
                  className="chip hidden-lane"
                  title={`Show the lane ${lane.name}`}
                  aria-label={`Show the lane ${lane.name}`}
                  onClick={() => editor.updateLane(lane.id, { hidden: false })}
                >
                  <EyeOff size={12} aria-hidden="true" /> {lane.name}
                </button>
              ))}
          </div>
        </section>
      </div>
      {showMinimap && (
        <Minimap
          columns={columns}
          spans={spans}
          personas={visiblePersonas}
          emotions={emotions}
          scroller={scrollRef}
        />
      )}
    </DndContext>
  );
}
