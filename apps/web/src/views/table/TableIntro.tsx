import type { JourneyMap, Persona } from "@journeymap/schema";
import { curveSummary } from "./curveText.ts";

export interface TableIntroProps {
  readonly map: JourneyMap;
  readonly steps: number;
  readonly phases: number;
  readonly readOnly: boolean;
  /** The personas whose curves are told in words (none when no emotion column is shown). */
  readonly curves: readonly Persona[];
  /** Announced politely (why a cell cannot be edited). */
  readonly status: string;
}

/** Above the grid: how to use it, the emotion curves in words, and a live status line. */
export function TableIntro({ map, steps, phases, readOnly, curves, status }: TableIntroProps) {
  return (
    <div className="tv-intro">
      <p id="tv-help" className="tv-help">
        {steps} steps in {phases} phases. Arrow keys move between cells;
        {readOnly
          ? " this link can only view the map."
          : " Enter or F2 edits a cell, Enter saves, Escape cancels. Typing over a cell replaces it."}
      </p>
      {curves.length > 0 && (
        <section className="tv-curves" aria-label="Emotion curves in words">
          <h2 className="tv-subtitle">Emotion curves in words</h2>
          <ul data-testid="views.curve-text">
            {curves.map((p) => (
              <li key={p.id}>
                <span className="tv-swatch" style={{ background: p.colour }} aria-hidden="true" />
                {curveSummary(p, map.touchpoints, map.emotions)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
