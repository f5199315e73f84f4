/** The whole journey in one strip under the slide; the phase on screen stands out. */
import type { JourneyMap } from "@journeymap/schema";
import { useMemo } from "react";
import { curvePath } from "../board/curve.ts";
import { stripGeometry } from "./strip.ts";
import "./JourneyStrip.css";

export function JourneyStrip({ map, phaseId }: { map: JourneyMap; phaseId: string | null }) {
  const strip = useMemo(() => stripGeometry(map), [map]);
  const current = strip.bands.find((b) => b.phaseId === phaseId);
  return (
    <svg
      className="journey-strip"
      data-testid="present.strip"
      viewBox={`0 0 ${strip.width} ${strip.height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={
        current
          ? `The emotion curve across the whole journey; ${current.name} highlighted`
          : "The emotion curve across the whole journey"
      }
    >
      {strip.bands.map((band) => (
        <rect
          key={band.phaseId}
          x={band.x + 1}
          y={0}
          width={Math.max(band.width - 2, 1)}
          height={strip.height}
          rx={4}
          fill={band.colour}
          opacity={band.phaseId === phaseId ? 0.45 : 0.12}
          data-current={band.phaseId === phaseId || undefined}
        />
      ))}
      <line
        x1={0}
        x2={strip.width}
        y1={strip.midline}
        y2={strip.midline}
        stroke="var(--border-strong)"
        strokeDasharray="4 4"
        vectorEffect="non-scaling-stroke"
      />
      {strip.curves.map((curve) => (
        <path
          key={curve.personaId}
          d={curvePath(curve.points)}
          fill="none"
          stroke={curve.colour}
          strokeWidth={3}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
