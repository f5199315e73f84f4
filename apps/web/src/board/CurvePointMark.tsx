import {
  EMOTION_MAX,
  EMOTION_MIN,
  elementKey,
  type Persona,
  type TouchpointId,
} from "@journeymap/schema";
import { type KeyboardEvent, memo, type PointerEvent } from "react";
import type { Peer } from "../sync/presence/presenceState.ts";
import { scoreToY, sentimentColour } from "./curve.ts";
import { GEOMETRY, label } from "./emotionLaneModel.ts";

/** What a point does on keys and pointer events (stable functions: see usePointDrag). */
export interface PointHandlers {
  readonly key: (touchpointId: TouchpointId, current: number, event: KeyboardEvent) => void;
  readonly down: (touchpointId: TouchpointId, score: number, event: PointerEvent) => void;
  readonly move: (touchpointId: TouchpointId, event: PointerEvent) => void;
  readonly up: (touchpointId: TouchpointId, event: PointerEvent) => void;
}

/** One point of the edited curve: a slider, draggable; memoized so a drag repaints one point. */
export const CurvePointMark = memo(function CurvePointMark({
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
