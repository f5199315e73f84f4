import type { JourneyMap } from "@journeymap/schema";
import type { Slide } from "./presenting.ts";

/** One dot per slide, in the phase's colour; the current one is marked, any can be clicked. */
export function PresentProgress({
  map,
  slides,
  index,
  onGo,
}: {
  map: JourneyMap;
  slides: readonly Slide[];
  index: number;
  onGo: (index: number) => void;
}) {
  return (
    <nav className="present-progress" aria-label="Phases">
      {slides.map((s, i) => {
        const phase = map.phases.find((p) => p.id === s.phaseId);
        return (
          <button
            key={s.key}
            type="button"
            className="present-dot"
            aria-current={i === index ? "step" : undefined}
            aria-label={phase ? phase.name : "Overview"}
            title={phase ? phase.name : "Overview"}
            style={phase ? ({ "--phase-colour": phase.colour } as React.CSSProperties) : {}}
            onClick={() => onGo(i)}
          />
        );
      })}
    </nav>
  );
}
