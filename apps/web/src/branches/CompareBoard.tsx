/**
 * The two boards side by side, aligned phase by phase and step by step by identity: each row
 * holds one phase or one step as it is in the original (left) and in the branch (right),
 * marked added, removed, moved or changed, with its cards and curve points.
 */
import {
  type Aligned,
  type AlignedStep,
  type Card,
  channelLabel,
  formatScore,
  type JourneyMap,
  type MapComparison,
  type Touchpoint,
} from "@journeymap/schema";
import { fieldName } from "./mergeTree.ts";

function marksOf(
  a: { presence: string; moved: boolean; changed: readonly string[] },
  extra = false,
): string[] {
  return [
    ...(a.presence !== "both" ? [a.presence] : []),
    ...(a.moved ? ["moved"] : []),
    ...(a.changed.length > 0 || extra ? ["changed"] : []),
  ];
}

function Marks({ marks, changed }: { marks: readonly string[]; changed?: readonly string[] }) {
  return (
    <>
      {marks.map((m) => (
        <span
          key={m}
          className={`compare-mark compare-mark--${m}`}
          data-testid={`compare.mark-${m}`}
        >
          {m === "changed" && changed && changed.length > 0
            ? `changed: ${changed.map(fieldName).join(", ")}`
            : m}
        </span>
      ))}
    </>
  );
}

function CardLine({ card, marks }: { card: Card | null; marks: readonly string[] }) {
  if (!card) return <li className="compare-card compare-card--empty" />;
  return (
    <li className={`compare-card compare-card--${card.kind}`}>
      {card.title || "Untitled"} <Marks marks={marks} />
    </li>
  );
}

function StepCell({
  step,
  side,
  aligned,
  map,
}: {
  step: Touchpoint | null;
  side: "left" | "right";
  aligned: AlignedStep;
  map: JourneyMap;
}) {
  if (!step) return <div className="compare-cell compare-cell--empty" />;
  const marks =
    side === "right" || aligned.presence === "removed"
      ? marksOf(aligned, aligned.cellsChanged > 0)
      : [];
  const pick = (c: Aligned<Card>) => (side === "left" ? c.left : c.right);
  const persona = (id: string) => map.personas.find((p) => p.id === id)?.name ?? "";
  return (
    <div
      className={`compare-cell compare-cell--${aligned.presence}`}
      data-testid={`compare.step-${side}`}
    >
      <div className="compare-step-name">
        {step.name || "Untitled step"} <Marks marks={marks} changed={aligned.changed} />
      </div>
      <div className="panel-note">
        {step.channels.map(channelLabel).join(", ")}
        {step.team ? ` · ${step.team}` : ""}
      </div>
      {aligned.cards.length > 0 && (
        <ul className="compare-cards">
          {aligned.cards.map((c) => (
            <CardLine key={c.id} card={pick(c)} marks={side === "right" ? marksOf(c) : []} />
          ))}
        </ul>
      )}
      {aligned.points.some((p) => (side === "left" ? p.left : p.right)) && (
        <div className="compare-points">
          {aligned.points.map((p) => {
            const point = side === "left" ? p.left : p.right;
            if (!point) return null;
            return (
              <span
                key={p.personaId}
                className={
                  p.changed && side === "right"
                    ? "compare-point compare-point--changed"
                    : "compare-point"
                }
              >
                {persona(p.personaId)} {formatScore(point.score)}
              </span>
            );
          })}
        </div>
      )}
    </div>
  );
}

export function CompareBoard({
  comparison,
  left,
  right,
}: {
  comparison: MapComparison;
  left: JourneyMap;
  right: JourneyMap;
}) {
  return (
    <div className="compare-board" data-testid="compare.board">
      {comparison.phases.map((phase) => (
        <section key={phase.id} className="compare-phase" data-testid="compare.phase">
          <div className="compare-row compare-row--phase">
            <h3 className={`compare-cell compare-cell--${phase.presence}`}>
              {phase.left?.name ?? ""}
            </h3>
            <h3 className={`compare-cell compare-cell--${phase.presence}`}>
              {phase.right?.name ?? ""} <Marks marks={marksOf(phase)} changed={phase.changed} />
            </h3>
          </div>
          {phase.steps.map((step) => (
            <div key={step.id} className="compare-row">
              <StepCell step={step.left} side="left" aligned={step} map={left} />
              <StepCell step={step.right} side="right" aligned={step} map={right} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
