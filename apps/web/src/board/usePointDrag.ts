/**
 * Editing the active persona's points: keys and the +/− buttons set a score; dragging a point
 * shows the new score live (to us, and to others through `onDrag`) and writes it once, on
 * release. The handlers read the latest state through a ref, so they stay the same functions
 * and the memoized points do not re-render when the lane does.
 */
import {
  EMOTION_MAX,
  EMOTION_MIN,
  type MapEditor,
  type Persona,
  type TouchpointId,
} from "@journeymap/schema";
import { type PointerEvent, type RefObject, useCallback, useMemo, useRef, useState } from "react";
import type { PointDrag } from "../sync/presence/presenceState.ts";
import type { PointHandlers } from "./CurvePointMark.tsx";
import { yToScore } from "./curve.ts";
import { GEOMETRY, nextScore } from "./emotionLaneModel.ts";

export interface PointDragState {
  /** The point being dragged and its score now; null when none is. */
  readonly drag: { readonly touchpointId: string; readonly score: number } | null;
  readonly on: PointHandlers;
  /** Writes a score (clamped to the scale) for the active persona. */
  readonly setScore: (touchpointId: TouchpointId, score: number) => void;
}

export function usePointDrag(
  svgRef: RefObject<SVGSVGElement | null>,
  active: Persona | null,
  editor: MapEditor,
  onDrag: (drag: PointDrag | null) => void,
): PointDragState {
  const [drag, setDrag] = useState<{ touchpointId: string; score: number } | null>(null);
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
  }, [setScore, svgRef]);
  return { drag, on, setScore };
}
