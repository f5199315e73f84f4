/**
 * "Steps where the team disagrees most", for the insights view: the spread of each step's
 * scores in its latest committed vote (per persona), widest first. Cancelled and running
 * votes say nothing yet; a later committed vote on a step supersedes an earlier one.
 */
import type { VoteSession } from "./Vote.ts";
import { type StepStats, tallyVotes } from "./voteRules.ts";

export interface Disagreement extends StepStats {
  readonly touchpointId: string;
  readonly personaId: string;
  readonly voteId: string;
  readonly committedAt: number;
}

export function disagreements(votes: readonly VoteSession[]): Disagreement[] {
  const latest = new Map<string, Disagreement>();
  for (const vote of votes) {
    if (vote.state !== "committed" || !vote.result) continue;
    for (const [step, stats] of tallyVotes(vote.steps, vote.ballots)) {
      const key = `${vote.personaId}/${step}`;
      const seen = latest.get(key);
      if (seen && seen.committedAt >= vote.result.at) continue;
      latest.set(key, {
        ...stats,
        touchpointId: step,
        personaId: vote.personaId,
        voteId: vote.id,
        committedAt: vote.result.at,
      });
    }
  }
  return [...latest.values()].sort(
    (a, b) =>
      b.spread - a.spread || b.count - a.count || a.touchpointId.localeCompare(b.touchpointId),
  );
}
