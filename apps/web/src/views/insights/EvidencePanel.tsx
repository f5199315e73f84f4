/**
 * The journey insights' evidence section: how many quotes, tickets and call notes back each
 * step and pain point (sales' and support's contributions, once triaged), the customers'
 * sentiment beside each persona's assumed score with large gaps flagged, and the steps that
 * rest on assumptions only. Numbers come from evidenceOverview; this only draws them.
 */
import {
  describeTally,
  type EvidenceOverview,
  type JourneyMap,
  type Persona,
  type Touchpoint,
} from "@journeymap/schema";
import { FileText, TriangleAlert } from "lucide-react";
import { formatScore } from "../scores.ts";
import { ScoreChip } from "../ScoreChip.tsx";
import { PersonaAvatar } from "./PersonaAvatar.tsx";
import "../shared.css";
import "./InsightsView.css";
import "./EvidencePanel.css";

export function EvidencePanel({
  overview,
  map,
  steps,
}: {
  overview: EvidenceOverview;
  map: JourneyMap;
  steps: ReadonlyMap<string, Touchpoint>;
}) {
  const personas = new Map<string, Persona>(map.personas.map((p) => [p.id, p]));
  const cards = new Map([...map.cardsByTouchpoint.values()].flat().map((c) => [c.id as string, c]));
  if (overview.total === 0)
    return (
      <p className="iv-empty" data-testid="views.evidence-empty">
        No evidence yet: every step is an assumption. Share a contributor link so sales and support
        can send what customers say, then accept it from the inbox.
      </p>
    );
  const stepCount = map.touchpoints.length;
  return (
    <div className="ev-grid">
      <div className="ev-main">
        <h3 className="ev-subtitle">Steps by evidence</h3>
        <div className="iv-table-scroll">
          <table className="iv-table ev-table" data-testid="views.evidence-table">
            <caption className="visually-hidden">
              Evidence per step, the customers' mean sentiment and each persona's assumed score
            </caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Evidence</th>
                <th scope="col">Customers say</th>
                <th scope="col">Map assumes</th>
              </tr>
            </thead>
            <tbody>
              {overview.steps.map((s) => (
                <tr key={s.touchpointId} data-testid="views.evidence-step">
                  <th scope="row">{steps.get(s.touchpointId)?.name || "Untitled step"}</th>
                  <td>
                    <span className="ev-count" data-testid="views.evidence-step-count">
                      <FileText size={13} aria-hidden="true" />
                      {s.tally.total}
                    </span>{" "}
                    <span className="iv-count">{describeTally(s.tally)}</span>
                  </td>
                  <td>
                    {s.tally.sentiment === null ? (
                      <span className="iv-zero">no sentiment given</span>
                    ) : (
                      <>
                        <ScoreChip score={s.tally.sentiment} />{" "}
                        <span className="iv-count">({s.tally.rated} rated)</span>
                      </>
                    )}
                  </td>
                  <td>
                    {s.assumed.length === 0 ? (
                      <span className="iv-zero">—</span>
                    ) : (
                      <ul className="ev-assumed">
                        {s.assumed.map((a) => {
                          const persona = personas.get(a.personaId);
                          const far = Math.abs(a.gap) >= overview.gapThreshold;
                          return (
                            <li
                              key={a.personaId}
                              className={far ? "ev-gap" : undefined}
                              data-testid="views.evidence-assumed"
                            >
                              <PersonaAvatar persona={persona} small />
                              <span className="visually-hidden">{persona?.name}: </span>
                              <ScoreChip score={a.score} />
                              {far && (
                                <span className="ev-gap-note" data-testid="views.evidence-gap">
                                  <TriangleAlert size={12} aria-hidden="true" />
                                  {a.gap < 0 ? "customers feel worse" : "customers feel better"} (
                                  {formatScore(a.gap)})
                                </span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {overview.unassigned > 0 && (
          <p className="iv-note">
            {overview.unassigned} more {overview.unassigned === 1 ? "item belongs" : "items belong"}{" "}
            to deleted steps or cards.
          </p>
        )}
      </div>
      <div className="ev-side">
        <h3 className="ev-subtitle">Pain points by evidence</h3>
        {overview.painPoints.length === 0 ? (
          <p className="iv-empty">No open pain points.</p>
        ) : (
          <ol className="ev-list" data-testid="views.evidence-pains">
            {overview.painPoints.map((p) => (
              <li key={p.cardId} data-testid="views.evidence-pain">
                <span className="ev-list-main">
                  <span className="ev-list-name">{cards.get(p.cardId)?.title || "Untitled"}</span>
                  <span className="iv-count">{steps.get(p.touchpointId)?.name}</span>
                </span>
                <span
                  className={`ev-count ${p.tally.total === 0 ? "ev-count--none" : ""}`}
                  title={describeTally(p.tally) || "No evidence"}
                >
                  <FileText size={13} aria-hidden="true" />
                  {p.tally.total}
                </span>
              </li>
            ))}
          </ol>
        )}
        <h3 className="ev-subtitle">
          Resting on assumptions ({overview.assumedSteps.length} of {stepCount}{" "}
          {stepCount === 1 ? "step" : "steps"})
        </h3>
        {overview.assumedSteps.length === 0 ? (
          <p className="iv-empty">Every step is backed by evidence.</p>
        ) : (
          <ul className="ev-chips" data-testid="views.evidence-assumed-steps">
            {overview.assumedSteps.map((id) => (
              <li key={id} className="assumed-chip">
                {steps.get(id)?.name || "Untitled step"}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
