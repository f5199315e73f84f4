import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from "@dnd-kit/sortable";
import type { Lane, Persona, Phase, PhaseId, TouchpointId } from "@journeymap/schema";
import {
  Activity,
  Footprints,
  Lightbulb,
  ListChecks,
  MessageSquareQuote,
  Plus,
  Radio,
  StickyNote,
  TriangleAlert,
} from "lucide-react";
import { type CSSProperties, useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { type Peer, throttle } from "../sync/presence.ts";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { useEditor, useJourneyMap } from "../sync/useJourneyMap.ts";
import { boardColumns } from "./columns.ts";
import { EMOTION_LANE_HEIGHT, EmotionLane } from "./EmotionLane.tsx";
import { LaneCell } from "./LaneCell.tsx";
import { PhaseBand } from "./PhaseBand.tsx";
import { TouchpointCard } from "./TouchpointCard.tsx";
import { useMoves } from "./useMoves.ts";

export const COLUMN_WIDTH = 220;

const LANE_ICONS = {
  actions: ListChecks,
  channels: Radio,
  thoughts: MessageSquareQuote,
  emotions: Activity,
  painPoints: TriangleAlert,
  opportunities: Lightbulb,
  text: StickyNote,
} as const;

function EmptyPhaseColumn({
  phase,
  column,
  onAdd,
}: {
  phase: Phase;
  column: number;
  onAdd: () => void;
}) {
  const { setNodeRef } = useDroppable({ id: `drop:${phase.id}` });
  return (
    <div
      ref={setNodeRef}
      className="step-cell empty-phase"
      style={
        { gridColumn: column + 2, gridRow: 2, "--phase-colour": phase.colour } as CSSProperties
      }
    >
      {!phase.synthetic && (
        <button type="button" className="btn add-step" onClick={onAdd}>
          <Plus size={14} /> Add the first step
        </button>
      )}
    </div>
  );
}

function LaneHeader({ lane, row }: { lane: Lane; row: number }) {
  const Icon = LANE_ICONS[lane.kind];
  return (
    <div className="lane-header" style={{ gridRow: row, gridColumn: 1 }}>
      <Icon size={14} aria-hidden="true" />
      <span>
        {lane.name}
        {lane.kind === "emotions" && <div className="scale-labels">+3 delighted · −3 furious</div>}
      </span>
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
}

/** The journey map grid: phases as column bands, steps, then one row per lane. */
export function Board({
  hiddenPersonas,
  awareness,
  peers,
  following,
  onStopFollowing,
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
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const { columns, spans } = useMemo(
    () => boardColumns({ phases, touchpointsByPhase }),
    [phases, touchpointsByPhase],
  );
  const visiblePersonas: readonly Persona[] = personas.filter((p) => !hiddenPersonas.has(p.id));
  const visibleLanes = lanes.filter((l) => !l.hidden);

  const addTouchpoint = (phaseId: PhaseId) => {
    const id = editor.addTouchpoint({ phaseId, name: "New step", channel: "website" });
    setFresh(id);
  };
  const addPhase = () => editor.addPhase({ name: "New phase" });

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLElement>(null);
  const publish = useMemo(
    () => ({
      cursor: throttle(
        (cursor: { x: number; y: number } | null) =>
          awareness?.setLocalStateField("cursor", cursor),
        50,
      ),
      viewport: throttle(
        (viewport: { left: number; top: number }) =>
          awareness?.setLocalStateField("viewport", viewport),
        100,
      ),
    }),
    [awareness],
  );
  const select = (target: EventTarget) => {
    const el = (target as Element).closest?.("[data-phase-id],[data-touchpoint-id]");
    if (!el || !awareness) return;
    const touchpoint = el.getAttribute("data-touchpoint-id");
    const selection = touchpoint
      ? { kind: "touchpoint", id: touchpoint }
      : { kind: "phase", id: el.getAttribute("data-phase-id") };
    awareness.setLocalStateField("selection", selection);
  };
  // Follow mode: scroll to the followed person's viewport; our own scrolling ends it.
  const following_left = following?.viewport?.left;
  const following_top = following?.viewport?.top;
  useEffect(() => {
    if (following_left === undefined || following_top === undefined) return;
    scrollRef.current?.scrollTo({ left: following_left, top: following_top, behavior: "smooth" });
  }, [following_left, following_top]);

  const gridStyle = {
    gridTemplateColumns: `var(--lane-header-width) repeat(${columns.length}, ${COLUMN_WIDTH}px) minmax(160px, 1fr)`,
    "--column-width": `${COLUMN_WIDTH}px`,
  } as CSSProperties;

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={handleDragEnd}>
      <div
        className="board-scroll"
        ref={scrollRef}
        onScroll={(e) =>
          publish.viewport({ left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop })
        }
        onWheel={() => following && onStopFollowing()}
        onTouchMove={() => following && onStopFollowing()}
      >
        <section
          className="board-grid"
          ref={gridRef}
          style={gridStyle}
          aria-label="Journey map"
          onFocusCapture={(e) => select(e.target)}
          onPointerDownCapture={(e) => select(e.target)}
          onPointerMove={(e) => {
            const box = gridRef.current?.getBoundingClientRect();
            if (box)
              publish.cursor({
                x: Math.round(e.clientX - box.left),
                y: Math.round(e.clientY - box.top),
              });
          }}
          onPointerLeave={() => publish.cursor(null)}
        >
          <PresenceLayer peers={peers} />
          <div className="corner" style={{ gridRow: "1 / span 2", gridColumn: 1 }} />
          <SortableContext
            items={phases.filter((p) => !p.synthetic).map((p) => `phase:${p.id}`)}
            strategy={horizontalListSortingStrategy}
          >
            {spans.map(({ phase, start, span, touchpoints }) => (
              <PhaseBand
                key={phase.id}
                phase={phase}
                column={start}
                span={span}
                steps={touchpoints.length}
                onMove={(step) => movePhase(phase.id, step)}
                onAddTouchpoint={() => addTouchpoint(phase.id)}
              />
            ))}
          </SortableContext>
          <div className="add-phase-column" style={{ gridRow: 1, gridColumn: columns.length + 2 }}>
            <button type="button" className="btn" data-testid="board.add-phase" onClick={addPhase}>
              <Plus size={14} /> Add phase
            </button>
          </div>

          <div className="lane-header lane-header--steps" style={{ gridRow: 2, gridColumn: 1 }}>
            <Footprints size={14} aria-hidden="true" />
            <span>Steps</span>
          </div>
          <SortableContext
            items={columns.flatMap((c) =>
              c.kind === "touchpoint" ? [`tp:${c.touchpoint.id}`] : [],
            )}
            strategy={horizontalListSortingStrategy}
          >
            {columns.map((column, i) =>
              column.kind === "empty" ? (
                <EmptyPhaseColumn
                  key={`empty-${column.phase.id}`}
                  phase={column.phase}
                  column={i}
                  onAdd={() => addTouchpoint(column.phase.id)}
                />
              ) : (
                <div
                  key={column.touchpoint.id}
                  className="step-cell"
                  style={
                    {
                      gridColumn: i + 2,
                      gridRow: 2,
                      "--phase-colour": column.phase.colour,
                    } as CSSProperties
                  }
                >
                  <TouchpointCard
                    touchpoint={column.touchpoint}
                    autoEdit={fresh === column.touchpoint.id}
                    onMove={(step) => moveTouchpoint(column.touchpoint.id, column.phase.id, step)}
                  />
                </div>
              ),
            )}
          </SortableContext>

          {visibleLanes.map((lane, laneIndex) => {
            const row = laneIndex + 3;
            if (lane.kind === "emotions") {
              return [
                <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} />,
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
                    columnWidth={COLUMN_WIDTH}
                    personas={visiblePersonas}
                    active={visiblePersonas[0] ?? null}
                    emotions={emotions}
                  />
                </div>,
              ];
            }
            return [
              <LaneHeader key={`${lane.id}-h`} lane={lane} row={row} />,
              ...columns.map((column, i) => (
                <div
                  key={`${lane.id}-${column.kind === "touchpoint" ? column.touchpoint.id : `empty-${column.phase.id}`}`}
                  className="cell"
                  style={
                    {
                      gridRow: row,
                      gridColumn: i + 2,
                      "--phase-colour": column.phase.colour,
                    } as CSSProperties
                  }
                >
                  {column.kind === "touchpoint" && (
                    <LaneCell lane={lane} touchpoint={column.touchpoint} />
                  )}
                </div>
              )),
            ];
          })}
        </section>
      </div>
    </DndContext>
  );
}
