import type { JourneyInsights, JourneyMap } from "@journeymap/schema";
import type { CSSProperties } from "react";

/** A bar per phase, as long as its share of the longest phase, in the phase's colour. */
export function StepsPerPhase({ map, insights }: { map: JourneyMap; insights: JourneyInsights }) {
  const maxSteps = Math.max(1, ...insights.stepsPerPhase.map((p) => p.steps));
  const phaseColour = new Map(map.phases.map((p) => [p.id as string, p.colour]));
  return (
    <ul className="iv-bars">
      {insights.stepsPerPhase.map((p) => (
        <li key={p.phaseId} data-testid="views.phase-steps">
          <span className="iv-bar-label">{p.name}</span>
          <span className="iv-bar-track" aria-hidden="true">
            <span
              className="iv-bar"
              style={
                {
                  width: `${(p.steps / maxSteps) * 100}%`,
                  "--bar-colour": phaseColour.get(p.phaseId),
                } as CSSProperties
              }
            />
          </span>
          <span className="iv-bar-value" data-testid="views.phase-steps-count">
            {p.steps}
            <span className="visually-hidden"> {p.steps === 1 ? "step" : "steps"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
