/**
 * The public ballots of a vote, per step: the team's median and spread, who chose what, and
 * (for whoever runs the vote) the value the commit will set, the median unless changed.
 */
import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  formatScore,
  type StepStats,
  type Touchpoint,
  type VoteSession as Vote,
} from "@journeymap/schema";
import { ScoreChip } from "../views/ScoreChip.tsx";

const SCORES = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MAX - i);

export function VoteResults({
  vote,
  steps,
  stats,
  values,
  onValue,
}: {
  vote: Vote;
  steps: readonly Touchpoint[];
  stats: ReadonlyMap<string, StepStats>;
  /** The values to commit; null for people who do not run the vote. */
  values: Readonly<Record<string, number>> | null;
  onValue: (step: string, score: number) => void;
}) {
  return (
    <ul className="vote-results" aria-label="Results">
      {steps.map((step) => {
        const s = stats.get(step.id);
        const voters = vote.ballots.filter((b) => b.scores[step.id] !== undefined);
        return (
          <li key={step.id} className="vote-row" data-testid="vote.result-row">
            <span className="vote-step-name">{step.name || "Untitled step"}</span>
            {s ? (
              <span className="vote-stats" data-testid="vote.stats">
                median <ScoreChip score={s.median} /> · spread {s.spread} · {s.count}{" "}
                {s.count === 1 ? "vote" : "votes"}
              </span>
            ) : (
              <span className="vote-stats">no votes</span>
            )}
            <span className="vote-voters">
              {voters
                .map((b) => `${b.name} ${formatScore(b.scores[step.id] as number)}`)
                .join(", ")}
            </span>
            {values && s && (
              <label className="vote-commit-value">
                Set to
                <select
                  value={values[step.id] ?? ""}
                  data-testid="vote.commit-value"
                  onChange={(e) => onValue(step.id, Number(e.target.value))}
                >
                  {SCORES.map((score) => (
                    <option key={score} value={score}>
                      {formatScore(score)} {EMOTION_LABELS[score]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
