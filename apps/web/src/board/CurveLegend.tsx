import type { Persona } from "@journeymap/schema";
import "./CurveLegend.css";

/**
 * The emotion lane's legend: one entry per shown persona in its curve's colour. One click
 * makes that persona's curve the edited one; the others stay drawn for comparison.
 */
export function CurveLegend({
  personas,
  activeId,
  onPick,
}: {
  personas: readonly Persona[];
  activeId: string | undefined;
  onPick: (personaId: string) => void;
}) {
  if (personas.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons that pick one curve, not a form
    <div className="curve-legend" role="group" aria-label="Curve to edit">
      {personas.map((p) => (
        <button
          key={p.id}
          type="button"
          aria-pressed={p.id === activeId}
          className="curve-legend-item"
          data-testid="board.curve-legend-item"
          title={p.id === activeId ? `Editing ${p.name}'s curve` : `Edit ${p.name}'s curve`}
          onClick={() => onPick(p.id)}
        >
          <span
            className="curve-legend-swatch"
            aria-hidden="true"
            style={{ borderColor: p.colour, background: p.id === activeId ? p.colour : "none" }}
          />
          <span className="curve-legend-name">{p.name}</span>
        </button>
      ))}
    </div>
  );
}
