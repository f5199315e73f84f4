import type { ImportSummary } from "./importSummary.ts";

/** The phases and steps the map would get, with each step's channel, emotions, pain points and opportunities. */
export function ImportTable({ summary, partial }: { summary: ImportSummary; partial: boolean }) {
  return (
    <table className="import-table" data-testid="import.table">
      <caption className="visually-hidden">
        {partial ? "The rows that could be read" : "What the map will hold"}
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Channel</th>
          <th scope="col">Emotion</th>
          <th scope="col">Pain points</th>
          <th scope="col">Opportunities</th>
        </tr>
      </thead>
      {summary.phases.map((phase) => (
        <tbody key={phase.id}>
          <tr className="import-phase">
            <th
              colSpan={5}
              scope="colgroup"
              style={{ borderLeftColor: phase.colour }}
              data-testid="import.phase"
            >
              {phase.name}
            </th>
          </tr>
          {phase.steps.map((step) => (
            <tr key={step.id} data-testid="import.step">
              <td>{step.name}</td>
              <td>{step.channel}</td>
              <td>{step.emotions || "—"}</td>
              <td>{step.painPoints || "—"}</td>
              <td>{step.opportunities || "—"}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
