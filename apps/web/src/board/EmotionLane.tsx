/**
 * The emotion lane: the active persona's curve with its points (sliders, draggable) and the
 * +/− buttons under each step, the other shown personas' curves for comparison (a click makes
 * one the edited curve; the legend in the lane's header does the same), every curve named at
 * its end, and others' selections and drags. Its pieces: emotionLaneModel (geometry, words),
 * CurvePointMark, CurveName, EmotionControl, OtherCurves, usePointDrag, usePointPeers;
 * CurveLegend and useActivePersona live with the lane's row (LaneRows).
 */
import { type EmotionPoint, emotionKey, type Persona, type TouchpointId } from "@journeymap/schema";
import { useMemo, useRef } from "react";
import type { Peer, PointDrag } from "../sync/presence/presenceState.ts";
import { useEditor } from "../sync/useJourneyMap.ts";
import type { Column } from "./columns.ts";
import { CurvePointMark } from "./CurvePointMark.tsx";
import { columnRuns, curvePathOverRuns, lastPointInRuns, scoreToY } from "./curve.ts";
import { CurveName } from "./CurveName.tsx";
import { EmotionControl } from "./EmotionControl.tsx";
import { curveLabel, GEOMETRY, GRID_SCORES, pointsFor } from "./emotionLaneModel.ts";
import { OtherCurves } from "./OtherCurves.tsx";
import { usePointDrag } from "./usePointDrag.ts";
import { usePointPeers } from "./usePointPeers.ts";
import { VoteOverlay } from "../votes/VoteOverlay.tsx";
import "./EmotionLane.css";

export { EMOTION_LANE_HEIGHT } from "./emotionLaneModel.ts";

const NO_PEERS: readonly Peer[] = [];

export interface EmotionLaneProps {
  readonly columns: readonly Column[];
  /** The indexes of the columns rendered (the board's window); the curves span all of them. */
  readonly shown: readonly number[];
  readonly columnWidth: number;
  readonly personas: readonly Persona[];
  /** The persona whose points are edited; the others are drawn for comparison. */
  readonly active: Persona | null;
  readonly emotions: ReadonlyMap<string, EmotionPoint>;
  /** Others: their selected points are ringed, their drags shown live. */
  readonly peers: readonly Peer[];
  /** Publishes our own drag (throttled) so others see it live; null when it ends. */
  readonly onDrag: (drag: PointDrag | null) => void;
  /** Far out (the overview): no +/− controls, which it hides; cheap for hundreds of steps. */
  readonly overview?: boolean;
  /** Makes another shown persona's curve the edited one (a click on it). */
  readonly onPick: (personaId: string) => void;
}

/** The emotion curve: a smooth line per persona, a neutral midline, draggable points. */
export function EmotionLane({
  columns,
  shown,
  columnWidth,
  personas,
  active,
  emotions,
  peers,
  onDrag,
  onPick,
  overview = false,
}: EmotionLaneProps) {
  const editor = useEditor();
  const svgRef = useRef<SVGSVGElement>(null);
  const { drag, on, setScore } = usePointDrag(svgRef, active, editor, onDrag);
  const { rings, drags } = usePointPeers(peers, active?.id);
  const width = columns.length * columnWidth;
  const xOf = (i: number) => i * columnWidth + columnWidth / 2;

  const scoreOf = (persona: Persona, touchpointId: TouchpointId): number | undefined => {
    if (persona.id === active?.id && drag?.touchpointId === touchpointId) return drag.score;
    const key = emotionKey(persona.id, touchpointId);
    return drags.get(key) ?? emotions.get(key)?.score;
  };
  const pointsOf = (persona: Persona) =>
    pointsFor(columns, columnWidth, (id) => scoreOf(persona, id));

  // From the stored scores, not the live drag: a 300-step label rebuilt per pointer move
  // costs more than the rest of the move.
  const ariaLabel = useMemo(
    () => (active ? curveLabel(active, columns, emotions) : ""),
    [active, columns, emotions],
  );

  // Curves are drawn over the rendered columns only (all of them on a small board), one piece
  // per run: a pinned column far from the window gets its own short piece (columnRuns).
  const runs = useMemo(() => columnRuns(shown), [shown]);

  if (!active) {
    return <div className="emotion-empty">Add a persona to draw the emotion curve.</div>;
  }
  const activePoints = pointsOf(active);
  const shownSet = new Set(shown);
  const isShown = (i: number) => shownSet.has(i);

  return (
    <div className="emotion-lane" style={{ width }}>
      <svg ref={svgRef} width={width} height={GEOMETRY.height} role="img" aria-label={ariaLabel}>
        {GRID_SCORES.map((s) => (
          <line
            key={s}
            x1={0}
            x2={width}
            y1={scoreToY(s, GEOMETRY)}
            y2={scoreToY(s, GEOMETRY)}
            className={s === 0 ? "emotion-midline" : "emotion-grid-line"}
            opacity={s === 0 ? 1 : 0.5}
          />
        ))}
        <OtherCurves
          runs={runs}
          columns={columns}
          columnWidth={columnWidth}
          personas={personas}
          activeId={active.id}
          emotions={emotions}
          drags={drags}
          onPick={onPick}
        />
        <path
          d={curvePathOverRuns(activePoints, runs)}
          className="emotion-curve"
          stroke={active.colour}
        />
        <CurveName persona={active} end={lastPointInRuns(activePoints, runs)} edited />
        <VoteOverlay columns={columns} columnWidth={columnWidth} />
        {activePoints.map((p) => {
          if (p.column.kind !== "touchpoint") return null;
          const touchpointId = p.column.touchpoint.id;
          // Points outside the board's window are not rendered, except the one being dragged.
          if (!isShown(p.i) && drag?.touchpointId !== touchpointId) return null;
          return (
            <CurvePointMark
              key={touchpointId}
              touchpointId={touchpointId}
              stepName={p.column.touchpoint.name}
              persona={active}
              x={p.x}
              score={p.score}
              note={emotions.get(emotionKey(active.id, touchpointId))?.note ?? ""}
              rings={rings.get(touchpointId) ?? NO_PEERS}
              on={on}
            />
          );
        })}
      </svg>
      {(overview ? [] : shown).map((i) => {
        const column = columns[i];
        return column?.kind === "touchpoint" ? (
          <EmotionControl
            key={column.touchpoint.id}
            touchpointId={column.touchpoint.id}
            stepName={column.touchpoint.name}
            personaName={active.name}
            x={xOf(i)}
            score={emotions.get(emotionKey(active.id, column.touchpoint.id))?.score}
            onSet={setScore}
          />
        ) : null;
      })}
    </div>
  );
}
