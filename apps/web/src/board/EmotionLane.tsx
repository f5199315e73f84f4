import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  elementKey,
  emotionKey,
  type EmotionPoint,
  type Persona,
  type TouchpointId,
} from "@journeymap/schema";
import { ChevronDown, ChevronUp } from "lucide-react";
import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useCallback,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Peer, PointDrag } from "../sync/presence/presenceState.ts";
import { useEditor } from "../sync/useJourneyMap.ts";
import type { Column } from "./columns.ts";
import { columnRuns, curvePathOverRuns, scoreToY, sentimentColour, yToScore } from "./curve.ts";

export const EMOTION_LANE_HEIGHT = 200;
const CONTROLS_HEIGHT = 44;
const GEOMETRY = { height: EMOTION_LANE_HEIGHT - CONTROLS_HEIGHT, padding: 16 };
const GRID_SCORES = Array.from(
  { length: EMOTION_MAX - EMOTION_MIN + 1 },
  (_, k) => EMOTION_MAX - k,
);
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
}

function label(score: number): string {
  return `${score > 0 ? "+" : ""}${score} ${EMOTION_LABELS[score] ?? ""}`;
}

function nextScore(key: string, current: number | undefined): number | null {
  const base = current ?? 0;
  if (key === "ArrowUp") return base + 1;
  if (key === "ArrowDown") return base - 1;
  if (key === "Home") return EMOTION_MAX;
  if (key === "End") return EMOTION_MIN;
  return null;
}

interface PointHandlers {
  readonly key: (touchpointId: TouchpointId, current: number, event: KeyboardEvent) => void;
  readonly down: (touchpointId: TouchpointId, score: number, event: PointerEvent) => void;
  readonly move: (touchpointId: TouchpointId, event: PointerEvent) => void;
  readonly up: (touchpointId: TouchpointId, event: PointerEvent) => void;
}

/** One point of the edited curve: a slider, draggable; memoized so a drag repaints one point. */
const CurvePointMark = memo(function CurvePointMark({
  touchpointId,
  stepName,
  persona,
  x,
  score,
  note,
  rings,
  on,
}: {
  touchpointId: TouchpointId;
  stepName: string;
  persona: Persona;
  x: number;
  score: number;
  note: string;
  rings: readonly Peer[];
  on: PointHandlers;
}) {
  const y = scoreToY(score, GEOMETRY);
  const shown = Math.round(score);
  return (
    <g
      className="emotion-point"
      role="slider"
      tabIndex={0}
      aria-label={`${persona.name} at ${stepName}`}
      aria-valuemin={EMOTION_MIN}
      aria-valuemax={EMOTION_MAX}
      aria-valuenow={score}
      aria-valuetext={label(shown)}
      data-presence={elementKey({ kind: "emotion", personaId: persona.id, touchpointId })}
      data-column-id={touchpointId}
      data-testid="board.emotion-point"
      onKeyDown={(e) => on.key(touchpointId, shown, e)}
      onPointerDown={(e) => on.down(touchpointId, score, e)}
      onPointerMove={(e) => on.move(touchpointId, e)}
      onPointerUp={(e) => on.up(touchpointId, e)}
    >
      <title>{note ? `${label(shown)}: ${note}` : label(shown)}</title>
      {rings.map((peer, k) => (
        <g key={peer.clientId} className="emotion-peer" data-testid="board.emotion-peer">
          <circle cx={x} cy={y} r={15 + k * 4} fill="none" stroke={peer.colour} strokeWidth={2.5} />
          <text x={x + 18 + k * 4} y={y - 12} fill={peer.colour} className="peer-name">
            {peer.name}
          </text>
        </g>
      ))}
      <circle cx={x} cy={y} r={11} fill={sentimentColour(shown)} />
      <text x={x} y={y + 4} textAnchor="middle">
        {shown > 0 ? `+${shown}` : shown}
      </text>
    </g>
  );
});

/** The +/− buttons under a step: one point up to the top of the scale, or down to its bottom. */
const NUDGES = [
  { by: 1, verb: "Raise", testId: "board.emotion-up", limit: EMOTION_MAX, Icon: ChevronUp },
  { by: -1, verb: "Lower", testId: "board.emotion-down", limit: EMOTION_MIN, Icon: ChevronDown },
] as const;

/** The label and +/− buttons under one step. */
const EmotionControl = memo(function EmotionControl({
  touchpointId,
  stepName,
  personaName,
  x,
  score,
  onSet,
}: {
  touchpointId: TouchpointId;
  stepName: string;
  personaName: string;
  x: number;
  score: number | undefined;
  onSet: (touchpointId: TouchpointId, score: number) => void;
}) {
  return (
    <div
      className="emotion-controls"
      style={{ left: x }}
      data-column-id={touchpointId}
      data-testid="board.emotion"
      data-touchpoint-id={touchpointId}
      data-score={score ?? ""}
    >
      <span className="emotion-label">{score === undefined ? "Not scored" : label(score)}</span>
      <span className="emotion-buttons">
        {NUDGES.map(({ by, verb, testId, limit, Icon }) => (
          <button
            key={testId}
            type="button"
            className="icon-btn"
            aria-label={`${verb} ${personaName}'s feeling at ${stepName}`}
            data-testid={testId}
            disabled={score === limit}
            onClick={() => onSet(touchpointId, (score ?? 0) + by)}
          >
            <Icon size={14} />
          </button>
        ))}
      </span>
    </div>
  );
});

/**
 * Peers ringing or dragging a point of `persona`, by touchpoint. Rebuilt only when someone's
 * selection or drag changes, not on every cursor move, so the memoized points stay put.
 */
function usePointPeers(peers: readonly Peer[], personaId: string | undefined) {
  const pointOf = (p: Peer) =>
    p.selection?.ref.kind === "emotion" && p.selection.ref.personaId === personaId
      ? p.selection.ref
      : null;
  const relevant = peers.filter((p) => pointOf(p) || p.drag);
  const key = JSON.stringify(
    relevant.map((p) => [p.clientId, p.name, p.colour, p.selection, p.drag]),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `relevant`'s content
  return useMemo(() => {
    const rings = new Map<string, Peer[]>();
    const drags = new Map<string, number>();
    for (const peer of relevant) {
      if (peer.drag)
        drags.set(emotionKey(peer.drag.personaId, peer.drag.touchpointId), peer.drag.score);
      const ringed =
        pointOf(peer)?.touchpointId ??
        (peer.drag?.personaId === personaId ? peer.drag?.touchpointId : undefined);
      if (ringed) rings.set(ringed, [...(rings.get(ringed) ?? []), peer]);
    }
    return { rings, drags };
  }, [key, personaId]);
}

function pointsFor(
  columns: readonly Column[],
  columnWidth: number,
  scoreOf: (touchpointId: TouchpointId) => number | undefined,
) {
  return columns.flatMap((column, i) => {
    if (column.kind !== "touchpoint") return [];
    const score = scoreOf(column.touchpoint.id);
    return score === undefined
      ? []
      : [{ x: i * columnWidth + columnWidth / 2, y: scoreToY(score, GEOMETRY), score, column, i }];
  });
}

/** "Emotion curve of Ana: Signs up +2 pleased; …" from the stored scores. */
function curveLabel(
  persona: Persona,
  columns: readonly Column[],
  emotions: ReadonlyMap<string, EmotionPoint>,
): string {
  const points = pointsFor(columns, 1, (id) => emotions.get(emotionKey(persona.id, id))?.score);
  return `Emotion curve of ${persona.name}: ${points
    .map((p) =>
      p.column.kind === "touchpoint" ? `${p.column.touchpoint.name} ${label(p.score)}` : "",
    )
    .join("; ")}`;
}

/**
 * The curves of the other shown personas, for comparison. Memoized: dragging a point of the
 * edited curve and moving the board's column window leave them alone.
 */
const OtherCurves = memo(function OtherCurves({
  runs,
  columns,
  columnWidth,
  personas,
  activeId,
  emotions,
  drags,
}: {
  runs: readonly (readonly [number, number])[];
  columns: readonly Column[];
  columnWidth: number;
  personas: readonly Persona[];
  activeId: string;
  emotions: ReadonlyMap<string, EmotionPoint>;
  drags: ReadonlyMap<string, number>;
}) {
  return personas
    .filter((p) => p.id !== activeId)
    .map((p) => {
      const scoreOf = (id: TouchpointId) => {
        const key = emotionKey(p.id, id);
        return drags.get(key) ?? emotions.get(key)?.score;
      };
      return (
        <path
          key={p.id}
          d={curvePathOverRuns(pointsFor(columns, columnWidth, scoreOf), runs)}
          className="emotion-curve emotion-curve--inactive"
          stroke={p.colour}
        />
      );
    });
});

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
}: EmotionLaneProps) {
  const editor = useEditor();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ touchpointId: string; score: number } | null>(null);
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

  // Handlers read the latest state through a ref, so they stay the same functions and the
  // memoized points do not re-render when the lane does.
  const latest = useRef({ active, drag, onDrag, editor });
  latest.current = { active, drag, onDrag, editor };
  const setScore = useCallback((touchpointId: TouchpointId, score: number) => {
    const { active, editor } = latest.current;
    if (!active) return;
    editor.setEmotion(active.id, touchpointId, Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, score)));
  }, []);
  const on = useMemo((): PointHandlers => {
    const scoreAt = (event: PointerEvent) => {
      const box = svgRef.current?.getBoundingClientRect();
      // The board may be zoomed: measure in the lane's own (unzoomed) units.
      return box
        ? yToScore(((event.clientY - box.top) * GEOMETRY.height) / box.height, GEOMETRY)
        : 0;
    };
    return {
      key: (touchpointId, current, event) => {
        const next = nextScore(event.key, current);
        if (next === null) return;
        event.preventDefault();
        setScore(touchpointId, next);
      },
      down: (touchpointId, score, event) => {
        (event.currentTarget as Element).setPointerCapture(event.pointerId);
        setDrag({ touchpointId, score });
      },
      move: (touchpointId, event) => {
        const { drag, active, onDrag } = latest.current;
        if (drag?.touchpointId !== touchpointId || !active) return;
        const score = scoreAt(event);
        if (score === drag.score) return;
        setDrag({ touchpointId, score });
        onDrag({ personaId: active.id, touchpointId, score });
      },
      up: (touchpointId, event) => {
        const { drag, onDrag } = latest.current;
        if (drag?.touchpointId === touchpointId) setScore(touchpointId, scoreAt(event));
        setDrag(null);
        onDrag(null);
      },
    };
  }, [setScore]);

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
        />
        <path
          d={curvePathOverRuns(activePoints, runs)}
          className="emotion-curve"
          stroke={active.colour}
        />
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
      {shown.map((i) => {
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
