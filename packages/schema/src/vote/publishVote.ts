/**
 * The server's writes of a vote into the talk document (origin "server", through its live
 * connection). Each is a whole-value replacement of one field, so a client only ever reads a
 * consistent state; the server decides (with voteRules) before it writes.
 */
import * as Y from "yjs";
import { type MutationContext, transact } from "../mutations/transact.ts";
import { VOTE_FIELD, VOTE_ROOT } from "./layout.ts";
import type { Ballot, Scores, VoteMode, VoteState, VoteTarget } from "./Vote.ts";

export interface NewVote {
  readonly id: string;
  readonly target: VoteTarget;
  readonly personaId: string;
  readonly mode: VoteMode;
  readonly steps: readonly string[];
  readonly startedBy: string;
  readonly startedById: string;
  readonly startedAt: number;
}

function voteFields(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const fields = doc.getMap(VOTE_ROOT).get(id);
  return fields instanceof Y.Map ? (fields as Y.Map<unknown>) : null;
}

export function publishNewVote(doc: Y.Doc, vote: NewVote, ctx: MutationContext): void {
  transact(doc, ctx, () => {
    const fields = new Y.Map<unknown>();
    const { id, ...session } = vote;
    fields.set(VOTE_FIELD.session, { ...session, steps: [...session.steps] });
    fields.set(VOTE_FIELD.state, "open");
    fields.set(VOTE_FIELD.count, 0);
    fields.set(VOTE_FIELD.ballots, new Y.Map());
    doc.getMap(VOTE_ROOT).set(id, fields);
  });
}

/** The live count, and (for an open-mode vote) the ballots as they stand. */
export function publishBallots(
  doc: Y.Doc,
  id: string,
  count: number,
  ballots: readonly Ballot[] | null,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => {
    const fields = voteFields(doc, id);
    if (!fields) return;
    if (fields.get(VOTE_FIELD.count) !== count) fields.set(VOTE_FIELD.count, count);
    if (ballots === null) return;
    let map = fields.get(VOTE_FIELD.ballots);
    if (!(map instanceof Y.Map)) {
      map = new Y.Map();
      fields.set(VOTE_FIELD.ballots, map);
    }
    const published = map as Y.Map<unknown>;
    for (const b of ballots)
      published.set(b.voterId, { name: b.name, guest: b.guest, scores: { ...b.scores } });
  });
}

export function publishVoteState(
  doc: Y.Doc,
  id: string,
  state: VoteState,
  ctx: MutationContext,
  result?: { readonly values: Scores; readonly by: string; readonly at: number },
): void {
  transact(doc, ctx, () => {
    const fields = voteFields(doc, id);
    if (!fields) return;
    fields.set(VOTE_FIELD.state, state);
    if (result) fields.set(VOTE_FIELD.result, { ...result, values: { ...result.values } });
  });
}
