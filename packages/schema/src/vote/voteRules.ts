/**
 * The rules of a vote, pure: the statistics shown on reveal, the default committed value, what
 * a valid ballot is, and which step of the vote's life may follow which. The server applies
 * them before it writes; the client uses the same functions to draw and to commit.
 */
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";
import {
  type Ballot,
  type Scores,
  VOTE_LIMITS,
  type VoteMode,
  type VoteSession,
  type VoteState,
} from "./Vote.ts";

export interface StepStats {
  readonly count: number;
  /** Middle score; the mean of the two middle scores for an even count (so may be x.5). */
  readonly median: number;
  /** Highest minus lowest score: 0 is full agreement, 6 the whole scale. */
  readonly spread: number;
  readonly min: number;
  readonly max: number;
}

/** The median of the scores, or null when there are none. */
export function median(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Highest minus lowest; 0 for one score or none. */
export function spread(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return Math.max(...scores) - Math.min(...scores);
}

/** Count, median and spread of one step's scores, or null when nobody scored it. */
export function stepStats(scores: readonly number[]): StepStats | null {
  const m = median(scores);
  if (m === null) return null;
  return {
    count: scores.length,
    median: m,
    spread: spread(scores),
    min: Math.min(...scores),
    max: Math.max(...scores),
  };
}

/** Each step's scores from the ballots, in the vote's step order. */
export function scoresByStep(
  steps: readonly string[],
  ballots: readonly Ballot[],
): Map<string, number[]> {
  const out = new Map<string, number[]>(steps.map((s) => [s, []]));
  for (const ballot of ballots)
    for (const [step, score] of Object.entries(ballot.scores)) out.get(step)?.push(score);
  return out;
}

/** Statistics per step that at least one person scored. */
export function tallyVotes(
  steps: readonly string[],
  ballots: readonly Ballot[],
): Map<string, StepStats> {
  const out = new Map<string, StepStats>();
  for (const [step, scores] of scoresByStep(steps, ballots)) {
    const stats = stepStats(scores);
    if (stats) out.set(step, stats);
  }
  return out;
}

/**
 * The score a median becomes on the integer scale: a half rounds toward neutral (0), so an
 * evenly split team does not tip the curve either way.
 */
export function scoreOfMedian(value: number): number {
  const rounded = Math.sign(value) * Math.ceil(Math.abs(value) - 0.5);
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, rounded === 0 ? 0 : rounded));
}

/** What a commit proposes before the facilitator edits it: each scored step's median. */
export function defaultCommitValues(stats: ReadonlyMap<string, StepStats>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [step, s] of stats) out[step] = scoreOfMedian(s.median);
  return out;
}

export type BallotCheck =
  | { readonly ok: true; readonly scores: Scores }
  | { readonly ok: false; readonly error: string };

/**
 * A ballot is valid when it scores at least one of the vote's steps, only those, each an
 * integer on the scale. Out-of-scale scores are refused, not clamped: a ballot is one
 * person's explicit choice, and a clamped one would misreport it.
 */
export function checkBallot(steps: readonly string[], scores: unknown): BallotCheck {
  if (typeof scores !== "object" || scores === null || Array.isArray(scores))
    return { ok: false, error: "scores: an object of step id → score" };
  const known = new Set(steps);
  const out: Record<string, number> = {};
  for (const [step, score] of Object.entries(scores)) {
    if (!known.has(step)) return { ok: false, error: `scores: ${step} is not a step of this vote` };
    if (
      !Number.isInteger(score) ||
      (score as number) < EMOTION_MIN ||
      (score as number) > EMOTION_MAX
    )
      return {
        ok: false,
        error: `scores.${step}: an integer from ${EMOTION_MIN} to ${EMOTION_MAX}`,
      };
    out[step] = score as number;
  }
  if (Object.keys(out).length === 0) return { ok: false, error: "scores: score at least one step" };
  return { ok: true, scores: out };
}

/** What people do to a vote, in its life. */
export type VoteAction = "ballot" | "reveal" | "commit" | "cancel";

/**
 * Why `action` may not happen in `state` (in a vote of `mode`), or null when it may. Ballots
 * are taken (and changed) only while the vote is open; an open-mode vote may be committed
 * straight away, since everyone already sees the ballots.
 */
export function voteRefusal(mode: VoteMode, state: VoteState, action: VoteAction): string | null {
  const ended = state === "committed" || state === "cancelled";
  if (ended) return `The vote is ${state}`;
  switch (action) {
    case "ballot":
      return state === "open" ? null : "The vote is revealed: ballots can no longer change";
    case "reveal":
      return state === "open" ? null : "The vote is already revealed";
    case "commit":
      return state === "revealed" || mode === "open" ? null : "Reveal the vote before committing";
    case "cancel":
      return null;
  }
}

/** Whether a vote still takes part in the map's life (one such vote per map at a time). */
export function isVoteActive(state: VoteState): boolean {
  return state === "open" || state === "revealed";
}

/** Whether other people may read ballots in this state: open mode, or after reveal. */
export function areBallotsPublic(mode: VoteMode, state: VoteState): boolean {
  return mode === "open" || state !== "open";
}

/** The vote people are in right now: the latest active one, else null. */
export function activeVote(votes: readonly VoteSession[]): VoteSession | null {
  let found: VoteSession | null = null;
  for (const v of votes)
    if (isVoteActive(v.state) && (!found || v.startedAt > found.startedAt)) found = v;
  return found;
}

/** A ballot cannot exceed the vote's steps; a vote cannot exceed its voters. */
export function tooManyVoters(count: number): boolean {
  return count >= VOTE_LIMITS.maxVoters;
}
