import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  emotionKey,
  type EmotionPoint,
  type Persona,
  type TouchpointId,
} from "@journeymap/schema";
import { ChevronDown, ChevronUp } from "lucide-react";
import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import { useEditor } from "../sync/useJourneyMap.ts";
import type { Column } from "./columns.ts";
import { curvePath, scoreToY, sentimentColour, yToScore } from "./curve.ts";

export const EMOTION_LANE_HEIGHT = 200;
const CONTROLS_HEIGHT = 44;
const GEOMETRY = { height: EMOTION_LANE_HEIGHT - CONTROLS_HEIGHT, padding: 16 };

export interface EmotionLaneProps {
  readonly columns: readonly Column[];
  readonly columnWidth: number;
  readonly personas: readonly Persona[];
  /** The persona whose points are edited; the others are drawn for comparison. */
  readonly active: Persona | null;
  readonly emotions: ReadonlyMap<string, EmotionPoint>;
}

function label(score: number): string {
  return `${score > 0 ? "+" : ""}${score} ${EMOTION_LABELS[score] ?? ""}`;
}

/** The emotion curve: a smooth line per persona, a neutral midline, draggable points. */
export function EmotionLane({
  columns,
  columnWidth,
  personas,
  active,
  emotions,
}: EmotionLaneProps) {
  const editor = useEditor();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ touchpointId: string; score: number } | null>(null);
  const width = columns.length * columnWidth;
  const xOf = (i: number) => i * columnWidth + columnWidth / 2;

  const pointsOf = (persona: Persona) =>
    columns.flatMap((column, i) => {
      if (column.kind !== "touchpoint") return [];
      const point = emotions.get(emotionKey(persona.id, column.touchpoint.id));
      const score =
        persona.id === active?.id && drag?.touchpointId === column.touchpoint.id
          ? drag.score
          : point?.score;
      return score === undefined
        ? []
        : [{ i, x: xOf(i), y: scoreToY(score, GEOMETRY), score, column, point }];
    });

  const setScore = (touchpointId: TouchpointId, score: number) => {
    if (!active) return;
    const clamped = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, score));
    editor.setEmotion(active.id, touchpointId, clamped);
  };

  const scoreAt = (event: PointerEvent) => {
    const box = svgRef.current?.getBoundingClientRect();
    return box ? yToScore(event.clientY - box.top, GEOMETRY) : 0;
  };

  const handleKey =
    (touchpointId: TouchpointId, current: number | undefined) => (event: KeyboardEvent) => {
      const base = current ?? 0;
      const next =
        event.key === "ArrowUp"
          ? base + 1
          : event.key === "ArrowDown"
            ? base - 1
            : event.key === "Home"
              ? EMOTION_MAX
              : event.key === "End"
                ? EMOTION_MIN
                : null;
      if (next === null) return;
      event.preventDefault();
      setScore(touchpointId, next);
    };

  if (!active) {
    return <div className="emotion-empty">Add a persona to draw the emotion curve.</div>;
  }
  const activePoints = pointsOf(active);
  const gridScores = Array.from(
    { length: EMOTION_MAX - EMOTION_MIN + 1 },
    (_, k) => EMOTION_MAX - k,
  );

  return (
    <div className="emotion-lane" style={{ width }}>
      <svg
        ref={svgRef}
        width={width}
        height={GEOMETRY.height}
        role="img"
        aria-label={`Emotion curve of ${active.name}: ${activePoints
          .map((p) =>
            p.column.kind === "touchpoint" ? `${p.column.touchpoint.name} ${label(p.score)}` : "",
          )
          .join("; ")}`}
      >
        {gridScores.map((s) => (
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
        {personas
          .filter((p) => p.id !== active.id)
          .map((p) => (
            <path
              key={p.id}
              d={curvePath(pointsOf(p))}
              className="emotion-curve emotion-curve--inactive"
              stroke={p.colour}
            />
          ))}
        <path d={curvePath(activePoints)} className="emotion-curve" stroke={active.colour} />
        {activePoints.map((p) => {
          if (p.column.kind !== "touchpoint") return null;
          const touchpointId = p.column.touchpoint.id;
          return (
            <g
              key={touchpointId}
              className="emotion-point"
              role="slider"
              tabIndex={0}
              aria-label={`${active.name} at ${p.column.touchpoint.name}`}
              aria-valuemin={EMOTION_MIN}
              aria-valuemax={EMOTION_MAX}
              aria-valuenow={p.score}
              aria-valuetext={label(p.score)}
              onKeyDown={handleKey(touchpointId, p.score)}
              onPointerDown={(e) => {
                (e.currentTarget as Element).setPointerCapture(e.pointerId);
                setDrag({ touchpointId, score: p.score });
              }}
              onPointerMove={(e) => {
                if (drag?.touchpointId === touchpointId)
                  setDrag({ touchpointId, score: scoreAt(e) });
              }}
              onPointerUp={(e) => {
                if (drag?.touchpointId === touchpointId) setScore(touchpointId, scoreAt(e));
                setDrag(null);
              }}
            >
              <title>{p.point?.note ? `${label(p.score)}: ${p.point.note}` : label(p.score)}</title>
              <circle cx={p.x} cy={p.y} r={11} fill={sentimentColour(p.score)} />
              <text x={p.x} y={p.y + 4} textAnchor="middle">
                {p.score > 0 ? `+${p.score}` : p.score}
              </text>
            </g>
          );
        })}
      </svg>
      {columns.map((column, i) => {
        if (column.kind !== "touchpoint") return null;
        const touchpointId = column.touchpoint.id;
        const score = emotions.get(emotionKey(active.id, touchpointId))?.score;
        return (
          <div
            key={touchpointId}
            className="emotion-controls"
            style={{ left: xOf(i) }}
            data-testid="board.emotion"
            data-touchpoint-id={touchpointId}
            data-score={score ?? ""}
          >
            <span className="emotion-label">
              {score === undefined ? "Not scored" : label(score)}
            </span>
            <span className="emotion-buttons">
              <button
                type="button"
                className="icon-btn"
                aria-label={`Raise ${active.name}'s feeling at ${column.touchpoint.name}`}
                data-testid="board.emotion-up"
                disabled={score === EMOTION_MAX}
                onClick={() => setScore(touchpointId, (score ?? 0) + 1)}
              >
                <ChevronUp size={14} />
              </button>
              <button
                type="button"
                className="icon-btn"
                aria-label={`Lower ${active.name}'s feeling at ${column.touchpoint.name}`}
                data-testid="board.emotion-down"
                disabled={score === EMOTION_MIN}
                onClick={() => setScore(touchpointId, (score ?? 0) - 1)}
              >
                <ChevronDown size={14} />
              </button>
            </span>
          </div>
        );
      })}
    </div>
  );
}
