/**
 * The note a committed vote leaves on a step's emotion point: one line, "Team vote: 3 votes,
 * median +1, spread 2". It joins whatever note the point had; a later vote replaces the line
 * rather than adding another, so the note says how the current score was reached.
 */
import { formatScore } from "../vocabulary.ts";
import type { StepStats } from "./voteRules.ts";

export const VOTE_NOTE_PREFIX = "Team vote:";

export function voteNoteLine(stats: StepStats): string {
  const votes = stats.count === 1 ? "1 vote" : `${stats.count} votes`;
  return `${VOTE_NOTE_PREFIX} ${votes}, median ${formatScore(stats.median)}, spread ${stats.spread}`;
}

/** `note` with its vote line (if any) replaced by `line`. */
export function withVoteNote(note: string, line: string): string {
  const kept = note
    .split("\n")
    .filter((l) => !l.startsWith(VOTE_NOTE_PREFIX))
    .join("\n")
    .trimEnd();
  return kept === "" ? line : `${kept}\n${line}`;
}
