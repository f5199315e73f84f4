/** The insights' "steps where the team disagrees most": committed votes' widest spreads. */
import { disagreements, type JourneyMap } from "@journeymap/schema";
import { useMemo } from "react";
import { ScoreChip } from "../views/ScoreChip.tsx";
import { useVotes } from "./useVotes.ts";

const SHOWN = 8;

export function DisagreementList({ map }: { map: JourneyMap }) {
  const { all } = useVotes();
  const rows = useMemo(() => disagreements(all).slice(0, SHOWN), [all]);
  if (rows.length === 0)
    return (
      <p className="iv-empty">No committed team votes yet. Run one from the board's vote button.</p>
    );
  const steps = new Map(map.touchpoints.map((t) => [t.id as string, t.name]));
  const personas = new Map(map.personas.map((p) => [p.id as string, p.name]));
  return (
    <ul className="iv-lows">
      {rows.map((d) => (
        <li key={`${d.personaId}/${d.touchpointId}`} data-testid="views.disagreement">
          <span className="iv-low-main">
            <span className="iv-low-name">{steps.get(d.touchpointId) ?? "Deleted step"}</span>
            <span className="iv-low-steps">
              {personas.get(d.personaId) ?? "Deleted persona"} · {d.count}{" "}
              {d.count === 1 ? "vote" : "votes"}, from {d.min} to {d.max}
            </span>
          </span>
          <span className="iv-low-score">
            spread {d.spread} · median <ScoreChip score={d.median} />
          </span>
        </li>
      ))}
    </ul>
  );
}
