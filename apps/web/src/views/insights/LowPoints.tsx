import {
  EMOTION_LABELS,
  type JourneyInsights,
  type JourneyMap,
  type Touchpoint,
} from "@journeymap/schema";
import { ScoreChip } from "../ScoreChip.tsx";
import { PersonaAvatar } from "./PersonaAvatar.tsx";

export interface LowPointsProps {
  readonly map: JourneyMap;
  readonly insights: JourneyInsights;
  readonly steps: ReadonlyMap<string, Touchpoint>;
}

/** Each persona's lowest score and the steps where they feel it. */
export function LowPoints({ map, insights, steps }: LowPointsProps) {
  if (insights.lowPoints.length === 0) return <p className="iv-empty">No feelings scored yet.</p>;
  const personas = new Map(map.personas.map((p) => [p.id as string, p]));
  return (
    <ul className="iv-lows">
      {insights.lowPoints.map((low) => {
        const persona = personas.get(low.personaId);
        return (
          <li key={low.personaId} data-testid="views.low-point">
            <PersonaAvatar persona={persona} />
            <span className="iv-low-main">
              <span className="iv-low-name">{persona?.name}</span>
              <span className="iv-low-steps">
                {low.touchpointIds.map((id) => steps.get(id)?.name).join(", ")}
              </span>
            </span>
            <span className="iv-low-score">
              <ScoreChip score={low.score} />
              {EMOTION_LABELS[low.score]}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
