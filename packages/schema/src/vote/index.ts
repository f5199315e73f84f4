/** Live emotion votes: the session in the talk document, the rules, and the commit. */
export * from "./Vote.ts";
export { VOTE_FIELD, VOTE_ROOT } from "./layout.ts";
export * from "./voteRules.ts";
export { readVote, readVotes } from "./readVotes.ts";
export * from "./publishVote.ts";
export { commitVoteScores } from "./commitVote.ts";
export { VOTE_NOTE_PREFIX, voteNoteLine, withVoteNote } from "./voteNote.ts";
export { type Disagreement, disagreements } from "./disagreement.ts";
