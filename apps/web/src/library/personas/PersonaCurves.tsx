/**
 * A library persona's emotion curve in each map that uses it, as small multiples: one chart per
 * map on that map's own steps, all on the same score scale so they compare at a glance.
 */
import type { LibraryPersonaUse } from "@journeymap/protocol/http";
import { AppLink } from "../../ui/AppLink.tsx";
import { type CurveFrame, plotCurve, slotX, yOf } from "./curveGeometry.ts";

const FRAME: CurveFrame = { width: 320, height: 120, pad: 10 };

/** A score as the board writes it: a real minus sign. */
const shown = (score: number | null) => (score === null ? "" : String(score).replace("-", "−"));

function describe(use: LibraryPersonaUse): string {
  if (use.curve.length === 0) return `No scores in ${use.title} yet`;
  return `Emotion curve in ${use.title}: ${use.curve.length} scored steps, lowest ${shown(use.lowest)}, average ${shown(use.average)}`;
}

function CurveChart({ use, colour }: { use: LibraryPersonaUse; colour: string }) {
  const points = plotCurve(use.steps, use.curve, FRAME);
  const zero = yOf(0, FRAME);
  return (
    <figure className="persona-curve" data-testid="library.persona-curve">
      <figcaption>
        <AppLink href={`/maps/${encodeURIComponent(use.mapId)}`} data-testid="library.persona-map">
          {use.title}
        </AppLink>
        <span className="persona-curve-figures">
          {use.curve.length === 0
            ? "No scores yet"
            : `Lowest ${shown(use.lowest)} · average ${shown(use.average)}`}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={describe(use)}>
        <line className="persona-curve-zero" x1={0} x2={FRAME.width} y1={zero} y2={zero} />
        {use.steps.map((step, i) => {
          const x = slotX(i, use.steps.length, FRAME);
          return (
            <line
              key={step.id}
              className="persona-curve-step"
              x1={x}
              x2={x}
              y1={FRAME.pad}
              y2={FRAME.height - FRAME.pad}
            />
          );
        })}
        <polyline
          className="persona-curve-line"
          points={points.map((p) => `${p.x},${p.y}`).join(" ")}
          style={{ stroke: colour }}
        />
        {points.map((p) => (
          <circle key={p.stepId} cx={p.x} cy={p.y} r={3.5} style={{ fill: colour }} />
        ))}
      </svg>
      <p className="persona-curve-steps">
        <span>{use.steps[0]?.name ?? ""}</span>
        <span>{use.steps.length > 1 ? use.steps.at(-1)?.name : ""}</span>
      </p>
    </figure>
  );
}

export function PersonaCurves({
  uses,
  colour,
}: {
  uses: readonly LibraryPersonaUse[];
  colour: string;
}) {
  if (uses.length === 0)
    return (
      <p className="page-lede">
        Not used in any map yet. Add it to a map from the board's Personas dialog (“Add from
        library…”).
      </p>
    );
  return (
    <div className="persona-curves">
      {uses.map((use) => (
        <CurveChart key={`${use.mapId}/${use.personaId}`} use={use} colour={colour} />
      ))}
    </div>
  );
}
