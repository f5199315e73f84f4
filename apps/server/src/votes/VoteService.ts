/**
 * Live emotion votes on the server. The store keeps the truth (a vote's state, every ballot);
 * the map's talk document shows what may be seen: the session and the live count always, the
 * ballots only once they are public (an open-mode vote, or after reveal). So a hidden ballot
 * exists nowhere a client can read before reveal: not in the talk document, its log or the
 * sync traffic. Every write to the talk document goes through LiveDocuments (origin "server",
 * logged, relayed to other instances).
 */
import {
  areBallotsPublic,
  type Ballot,
  checkBallot,
  publishBallots,
  publishNewVote,
  publishVoteState,
  readJourneyMap,
  type Scores,
  VOTE_LIMITS,
  type VoteAction,
  type VoteTarget,
  voteRefusal,
} from "@journeymap/schema";
import type { StartVoteBody } from "@journeymap/protocol/http";
import { guestAuthor, mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import type { BallotRecord, StoredVoteState, VoteRecord, VoteStore } from "@journeymap/storage";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import { ServiceRefusal } from "../ServiceRefusal.ts";

const ORIGIN = { origin: { kind: "server", reason: "vote" } } as const;

/** Who acts: an account, or a link guest by the server-derived `guest:…` id. */
export interface Voter {
  readonly id: string;
  readonly name: string;
  readonly guest: boolean;
}

/** A refusal the routes answer with its status and message. */
export class VoteRefused extends ServiceRefusal<400 | 404 | 409> {
  override name = "VoteRefused";
}

const STATES_BEFORE: Record<"reveal" | "commit" | "cancel", readonly StoredVoteState[]> = {
  reveal: ["open"],
  commit: ["open", "revealed"],
  cancel: ["open", "revealed"],
};

function ballotOf(record: BallotRecord): Ballot {
  return { voterId: record.voterId, name: record.name, guest: record.guest, scores: record.scores };
}

export class VoteService {
  private readonly live: LiveDocuments;
  private readonly store: VoteStore;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Publications per vote, in order: a later count never lands before an earlier one. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(live: LiveDocuments, store: VoteStore, now: () => number, newId: () => string) {
    this.live = live;
    this.store = store;
    this.now = now;
    this.newId = newId;
  }

  async start(
    mapId: string,
    who: Voter,
    body: StartVoteBody,
  ): Promise<{ voteId: string; steps: string[] }> {
    const target = toTarget(body.target);
    const steps = await this.live.read(mapDocumentName(mapId), (doc) => {
      const map = readJourneyMap(doc);
      if (!map.personas.some((p) => p.id === body.personaId))
        throw new VoteRefused(400, `personaId: no persona ${body.personaId} on this map`);
      return stepsOf(map, target);
    });
    if (steps.length === 0) throw new VoteRefused(400, "target: it has no steps to vote on");
    if (steps.length > VOTE_LIMITS.maxSteps)
      throw new VoteRefused(
        400,
        `target: at most ${VOTE_LIMITS.maxSteps} steps per vote; vote per phase`,
      );
    const record: VoteRecord = {
      id: this.newId(),
      mapId,
      personaId: body.personaId,
      mode: body.mode,
      state: "open",
      target,
      steps,
      startedBy: who.name,
      startedById: who.id,
      startedAt: this.now(),
    };
    if (!(await this.store.createVote(record)))
      throw new VoteRefused(409, "Another vote is running on this map: commit or cancel it first");
    try {
      await this.live.write(
        talkDocumentName(mapId),
        { author: who.guest ? guestAuthor(who.id, who.name) : who.id },
        (doc) => publishNewVote(doc, { ...record, target }, ORIGIN),
      );
    } catch (error) {
      // Never leave a vote nobody can see blocking the map.
      await this.store.setVoteState(mapId, record.id, ["open"], "cancelled", this.now());
      throw error;
    }
    return { voteId: record.id, steps };
  }

  async ballot(mapId: string, voteId: string, who: Voter, scores: unknown) {
    const vote = await this.vote(mapId, voteId, "ballot");
    const checked = checkBallot(vote.steps, scores);
    if (!checked.ok) throw new VoteRefused(400, checked.error);
    const record = {
      voterId: who.id,
      name: who.name,
      guest: who.guest,
      scores: checked.scores,
      updatedAt: this.now(),
    };
    const outcome = await this.store.putBallot(mapId, voteId, record, VOTE_LIMITS.maxVoters);
    if (outcome.kind === "closed") throw new VoteRefused(409, "The vote is no longer open");
    if (outcome.kind === "full")
      throw new VoteRefused(409, `At most ${VOTE_LIMITS.maxVoters} people vote in one vote`);
    await this.publishCount(vote);
    return { count: outcome.count, scores: checked.scores };
  }

  async mine(mapId: string, voteId: string, who: Voter) {
    await this.vote(mapId, voteId, null);
    const [ballot, count] = await Promise.all([
      this.store.getBallot(voteId, who.id),
      this.store.countBallots(voteId),
    ]);
    if (!ballot) throw new VoteRefused(404, "You have not voted in this vote");
    return { count, scores: ballot.scores };
  }

  reveal(mapId: string, voteId: string) {
    return this.move(mapId, voteId, "reveal", "revealed");
  }

  cancel(mapId: string, voteId: string) {
    return this.move(mapId, voteId, "cancel", "cancelled");
  }

  async commit(mapId: string, voteId: string, who: Voter, values: Scores) {
    const vote = await this.vote(mapId, voteId, "commit");
    const checked = checkBallot(vote.steps, values);
    if (!checked.ok) throw new VoteRefused(400, checked.error.replace(/^scores/, "values"));
    return this.move(mapId, voteId, "commit", "committed", {
      values: checked.scores,
      by: who.name,
      at: this.now(),
    });
  }

  /** The vote, refused with 404 when missing and 409 when `action` may not happen now. */
  private async vote(
    mapId: string,
    voteId: string,
    action: VoteAction | null,
  ): Promise<VoteRecord> {
    const vote = await this.store.getVote(mapId, voteId);
    if (!vote) throw new VoteRefused(404, "No such vote on this map");
    const refusal = action && voteRefusal(vote.mode, vote.state, action);
    if (refusal) throw new VoteRefused(409, refusal);
    return vote;
  }

  private async move(
    mapId: string,
    voteId: string,
    action: "reveal" | "commit" | "cancel",
    to: StoredVoteState,
    result?: { values: Scores; by: string; at: number },
  ): Promise<{ state: StoredVoteState }> {
    const vote = await this.vote(mapId, voteId, action);
    const from =
      action === "commit" && vote.mode === "hidden" ? ["revealed" as const] : STATES_BEFORE[action];
    if (!(await this.store.setVoteState(mapId, voteId, from, to, this.now())))
      throw new VoteRefused(409, "The vote changed meanwhile; look again");
    await this.enqueue(voteId, async () => {
      // A cancelled hidden vote keeps its ballots private: they were never revealed.
      const publish = to !== "cancelled" || vote.mode === "open";
      const ballots = publish ? (await this.store.listBallots(voteId)).map(ballotOf) : null;
      await this.live.write(talkDocumentName(mapId), { author: "server" }, (doc) => {
        if (ballots) publishBallots(doc, voteId, ballots.length, ballots, ORIGIN);
        publishVoteState(doc, voteId, to, ORIGIN, result);
      });
    });
    return { state: to };
  }

  private publishCount(vote: VoteRecord): Promise<void> {
    return this.enqueue(vote.id, async () => {
      const count = await this.store.countBallots(vote.id);
      const current = await this.store.getVote(vote.mapId, vote.id);
      const ballots =
        current && areBallotsPublic(current.mode, current.state)
          ? (await this.store.listBallots(vote.id)).map(ballotOf)
          : null;
      await this.live.write(talkDocumentName(vote.mapId), { author: "server" }, (doc) =>
        publishBallots(doc, vote.id, count, ballots, ORIGIN),
      );
    });
  }

  private enqueue(voteId: string, task: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(voteId) ?? Promise.resolve()).then(task, task);
    const settled = next.catch(() => {});
    this.queues.set(voteId, settled);
    void settled.then(() => {
      if (this.queues.get(voteId) === settled) this.queues.delete(voteId);
    });
    return next;
  }
}

function toTarget(target: StartVoteBody["target"]): VoteTarget {
  if (target.kind === "map") return { kind: "map" };
  if (!target.id) throw new VoteRefused(400, `target.id: which ${target.kind}`);
  return { kind: target.kind, id: target.id };
}

function stepsOf(map: ReturnType<typeof readJourneyMap>, target: VoteTarget): string[] {
  if (target.kind === "map") return map.touchpoints.map((t) => t.id);
  if (target.kind === "phase") {
    if (!map.phases.some((p) => p.id === target.id))
      throw new VoteRefused(400, `target.id: no phase ${target.id} on this map`);
    return (map.touchpointsByPhase.get(target.id as never) ?? []).map((t) => t.id);
  }
  if (!map.touchpoints.some((t) => t.id === target.id))
    throw new VoteRefused(400, `target.id: no step ${target.id} on this map`);
  return [target.id];
}
