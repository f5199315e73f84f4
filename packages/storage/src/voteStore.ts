/**
 * Live emotion votes kept by the server: each vote's session (the truth its state changes are
 * decided on) and the ballots, which a hidden vote must not show anyone before reveal. The
 * talk document only publishes what may be seen (apps/server/src/votes/VoteService.ts).
 */
export type StoredVoteState = "open" | "revealed" | "committed" | "cancelled";

export interface VoteRecord {
  readonly id: string;
  readonly mapId: string;
  readonly personaId: string;
  readonly mode: "hidden" | "open";
  readonly state: StoredVoteState;
  /** `{ kind, id? }`, as the session in the talk document. */
  readonly target: { readonly kind: "step" | "phase" | "map"; readonly id?: string };
  readonly steps: readonly string[];
  readonly startedBy: string;
  readonly startedById: string;
  readonly startedAt: number;
}

export interface BallotRecord {
  readonly voterId: string;
  readonly name: string;
  readonly guest: boolean;
  readonly scores: Readonly<Record<string, number>>;
  readonly updatedAt: number;
}

export type BallotOutcome =
  | { readonly kind: "kept"; readonly count: number }
  /** The vote is not open (any more), or does not exist. */
  | { readonly kind: "closed" }
  | { readonly kind: "full" };

export interface VoteStore {
  /** false when another vote of the map is still open or revealed (one at a time). */
  createVote(vote: VoteRecord): Promise<boolean>;
  getVote(mapId: string, voteId: string): Promise<VoteRecord | null>;
  /**
   * Keeps one ballot per voter (a later one replaces it), only while the vote is open and it
   * has fewer than `maxVoters` other voters. Atomic with a state change: a ballot either
   * lands before a reveal (and is revealed with the others) or is refused.
   */
  putBallot(
    mapId: string,
    voteId: string,
    ballot: BallotRecord,
    maxVoters: number,
  ): Promise<BallotOutcome>;
  getBallot(voteId: string, voterId: string): Promise<BallotRecord | null>;
  listBallots(voteId: string): Promise<BallotRecord[]>;
  countBallots(voteId: string): Promise<number>;
  /** Moves the vote from one of `from` to `to`; false when it was in none of them. */
  setVoteState(
    mapId: string,
    voteId: string,
    from: readonly StoredVoteState[],
    to: StoredVoteState,
    at: number,
  ): Promise<boolean>;
}
