/** A live emotion vote: what it is about, its state, and (when published) its ballots. */

/** Hidden ballots are published on reveal (planning poker); open ones as they come. */
export const VOTE_MODES = ["hidden", "open"] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

export const VOTE_STATES = ["open", "revealed", "committed", "cancelled"] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export const VOTE_TARGET_KINDS = ["step", "phase", "map"] as const;
export type VoteTarget =
  | { readonly kind: "step"; readonly id: string }
  | { readonly kind: "phase"; readonly id: string }
  | { readonly kind: "map" };

/** One person's scores, by step id (a person may leave steps out). */
export type Scores = Readonly<Record<string, number>>;

export interface Ballot {
  /** The server-derived identity: an account id or a guest's `guest:…` id. */
  readonly voterId: string;
  readonly name: string;
  readonly guest: boolean;
  readonly scores: Scores;
}

export interface VoteResult {
  /** The committed score per step. */
  readonly values: Scores;
  readonly by: string;
  readonly at: number;
}

export interface VoteSession {
  readonly id: string;
  readonly target: VoteTarget;
  readonly personaId: string;
  readonly mode: VoteMode;
  readonly state: VoteState;
  /** The steps voted on, in board order at the start (a phase's or the map's steps). */
  readonly steps: readonly string[];
  readonly startedBy: string;
  readonly startedById: string;
  readonly startedAt: number;
  readonly count: number;
  /** Empty while a hidden vote is open: the server has not published them. */
  readonly ballots: readonly Ballot[];
  readonly result: VoteResult | null;
}

/** Bounds, so a ballot or a session stays small whatever the map. */
export const VOTE_LIMITS = {
  /** Steps one vote covers (a whole map of more steps is refused: vote per phase). */
  maxSteps: 300,
  /** People voting in one vote. */
  maxVoters: 100,
  /** A guest's display name. */
  maxName: 80,
} as const;
