/** Our ballot: a row of the seven scores for each step of the vote; a click sends it. */
import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  formatScore,
  type Touchpoint,
} from "@journeymap/schema";
import { sentimentColour } from "../board/curve.ts";
import type { MyBallot } from "./useMyBallot.ts";

const SCORES = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MIN + i);

export function BallotList({ steps, ballot }: { steps: readonly Touchpoint[]; ballot: MyBallot }) {
  return (
    <ul className="vote-ballot" aria-label="Your scores">
      {steps.map((step) => (
        <li key={step.id} className="vote-row" data-testid="vote.ballot-row">
          <span className="vote-step-name">{step.name || "Untitled step"}</span>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, one pressed */}
          <div className="vote-scores" role="group" aria-label={`Your score for ${step.name}`}>
            {SCORES.map((score) => {
              const chosen = ballot.scores[step.id] === score;
              return (
                <button
                  key={score}
                  type="button"
                  className="vote-score"
                  aria-pressed={chosen}
                  title={EMOTION_LABELS[score]}
                  style={chosen ? { background: sentimentColour(score) } : undefined}
                  data-testid={`vote.score-${score}`}
                  onClick={() => ballot.choose(step.id, score)}
                >
                  {formatScore(score)}
                </button>
              );
            })}
          </div>
        </li>
      ))}
    </ul>
  );
}
