/**
 * A small picture of a map: phases as coloured bands over their steps, a block per step, and
 * the first persona's emotion curve. Decorative (the card or button names the map).
 */
import { EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";
import type { MapOutline } from "./mapOutline.ts";
import { outlineSlots } from "./mapOutline.ts";
import "./mapPictures.css";

const WIDTH = 160;
const HEIGHT = 56;
const BAND = 6;
const STEPS_TOP = 9;
const STEP_HEIGHT = 10;
const CURVE_TOP = 24;
const CURVE_HEIGHT = HEIGHT - CURVE_TOP - 4;

export function MapSilhouette({ outline }: { readonly outline: MapOutline }) {
  const slots = Math.max(1, outlineSlots(outline));
  const slot = WIDTH / slots;
  let at = 0;
  const phases = outline.phases.map((phase) => {
    const start = at;
    at += Math.max(1, phase.steps);
    return { ...phase, start };
  });
  const scoreY = (score: number) =>
    CURVE_TOP + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * CURVE_HEIGHT;
  // Step slots in board order, skipping the empty slot of a phase without steps.
  const stepX = phases.flatMap((p) =>
    Array.from({ length: p.steps }, (_, i) => (p.start + i + 0.5) * slot),
  );
  const points = outline.curve.flatMap((score, i) =>
    score === null || stepX[i] === undefined
      ? []
      : [`${stepX[i]!.toFixed(1)},${scoreY(score).toFixed(1)}`],
  );
  return (
    <svg
      className="map-silhouette"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {phases.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: phases in order, drawn once
        <g key={i}>
          <rect
            x={p.start * slot + 1}
            y={0}
            width={Math.max(1, Math.max(1, p.steps) * slot - 2)}
            height={BAND}
            rx={1.5}
            fill={p.colour}
          />
          <rect
            x={p.start * slot + 1}
            y={BAND}
            width={Math.max(1, Math.max(1, p.steps) * slot - 2)}
            height={HEIGHT - BAND}
            fill={p.colour}
            opacity={0.08}
          />
          {Array.from({ length: p.steps }, (_, s) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: steps in order, drawn once
              key={s}
              className="map-silhouette-step"
              x={(p.start + s) * slot + Math.min(3, slot * 0.15)}
              y={STEPS_TOP}
              width={Math.max(1, slot - 2 * Math.min(3, slot * 0.15))}
              height={STEP_HEIGHT}
              rx={1.5}
            />
          ))}
        </g>
      ))}
      {points.length > 1 && (
        <polyline
          points={points.join(" ")}
          fill="none"
          stroke={outline.curveColour ?? "currentColor"}
          strokeWidth={1.6}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
