/**
 * The live emotion vote's HTTP side: who may do what, the payloads, and the routes (ROUTES
 * spreads them in). Editors and owners run a vote (start, reveal, commit, cancel); anyone
 * who may read the map votes, guests on viewer and commenter links included: their live
 * connection is read-only, so a ballot travels over HTTP and the server keeps it until it may
 * be shown (docs/ARCHITECTURE.md, "Live emotion votes").
 */
import {
  EMOTION_MAX,
  EMOTION_MIN,
  VOTE_LIMITS,
  VOTE_MODES,
  VOTE_STATES,
  VOTE_TARGET_KINDS,
} from "@journeymap/schema";
import * as z from "zod/mini";
import { ROLE } from "../roles.ts";
import { type Access, EDITORS, READERS } from "./access.ts";
import { described } from "./described.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

import { VOTER_KEY_HEADER } from "../headers.ts";

export { VOTER_KEY_HEADER };

/** Who may do what with a vote. API tokens and contributor links take no part. */
export const VOTE_ACCESS = {
  run: EDITORS,
  ballot: {
    roles: [ROLE.owner, ROLE.editor, ROLE.commenter, ROLE.viewer],
    actions: [],
  },
  read: { roles: READERS.roles, actions: [] },
} as const satisfies Readonly<Record<string, Access>>;

const ID = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id"));
const SCORE = z.int().check(z.minimum(EMOTION_MIN), z.maximum(EMOTION_MAX));

export const StartVoteBody = z.strictObject({
  target: described(
    z.strictObject({ kind: z.enum(VOTE_TARGET_KINDS), id: z.optional(ID) }),
    "A step or a phase (with its id), or the whole map.",
  ),
  personaId: described(ID, "Whose curve the vote sets."),
  mode: described(
    z._default(z.enum(VOTE_MODES), "hidden"),
    "hidden: ballots shown on reveal (like planning poker); open: shown as they come.",
  ),
  name: described(
    z.optional(z.string().check(z.maxLength(VOTE_LIMITS.maxName))),
    "A link guest's display name, shown as who started the vote.",
  ),
});
export type StartVoteBody = z.output<typeof StartVoteBody>;

export const BallotBody = z.strictObject({
  scores: described(
    z.record(ID, SCORE),
    `Score per step id, each a whole number from ${EMOTION_MIN} to ${EMOTION_MAX}.`,
  ),
  name: described(
    z.optional(z.string().check(z.maxLength(VOTE_LIMITS.maxName))),
    "A guest's display name (signed-in people vote under their account's).",
  ),
});
export type BallotBody = z.output<typeof BallotBody>;

export const CommitVoteBody = z.strictObject({
  values: described(z.record(ID, SCORE), "The committed score per step (the medians by default)."),
});
export type CommitVoteBody = z.output<typeof CommitVoteBody>;

export const StartedVote = z.object({ voteId: z.string(), steps: z.array(z.string()) });
export type StartedVote = Payload<typeof StartedVote>;

export const BallotReceipt = z.object({
  count: described(z.int(), "How many people have voted."),
  scores: z.record(z.string(), z.int()),
});
export type BallotReceipt = Payload<typeof BallotReceipt>;

export const VoteStateAnswer = z.object({ state: z.enum(VOTE_STATES) });
export type VoteStateAnswer = Payload<typeof VoteStateAnswer>;

const REFUSED = {
  401: refusal("Missing, invalid, expired or revoked token, and not signed in."),
  403: refusal("Your role may not do this; the message says."),
  404: refusal("No such vote on this map."),
  409: refusal("Not in this state of the vote (or another vote is running); the message says."),
};
const VOTE_PATH = "/api/maps/{mapId}/votes/{voteId}";
const VOTER_KEY = {
  [VOTER_KEY_HEADER]: {
    schema: z.string().check(z.regex(/^[\w-]{16,128}$/)),
    description: "A link guest's browser key (required of link guests to vote).",
  },
};

export const VOTE_ROUTES = {
  startVote: {
    method: "POST",
    path: "/api/maps/{mapId}/votes",
    summary: "Start a live emotion vote on a step, a phase or the whole map, for one persona",
    description: "One vote runs per map at a time. The session appears in the map's talk document.",
    access: VOTE_ACCESS.run,
    body: { schema: StartVoteBody },
    responses: { 201: { description: "Started.", schema: StartedVote } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...RATE_LIMITED, ...REFUSED },
  },
  castBallot: {
    method: "POST",
    path: `${VOTE_PATH}/ballots`,
    summary: "Cast or change my ballot (until reveal)",
    description:
      "One ballot per person: a later one replaces it. Hidden votes publish only the count until reveal.",
    access: VOTE_ACCESS.ballot,
    headers: VOTER_KEY,
    body: { schema: BallotBody },
    responses: { 200: { description: "Kept.", schema: BallotReceipt } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...RATE_LIMITED, ...REFUSED },
  },
  myBallot: {
    method: "GET",
    path: `${VOTE_PATH}/ballots/mine`,
    summary: "My ballot in this vote (to show it again after a reload)",
    access: VOTE_ACCESS.ballot,
    headers: VOTER_KEY,
    responses: { 200: { description: "My ballot.", schema: BallotReceipt } },
    errors: { ...BAD_INPUT, ...RATE_LIMITED, ...REFUSED },
  },
  revealVote: {
    method: "POST",
    path: `${VOTE_PATH}/reveal`,
    summary: "Reveal the ballots of a vote (ends balloting)",
    access: VOTE_ACCESS.run,
    responses: { 200: { description: "Revealed.", schema: VoteStateAnswer } },
    errors: { ...RATE_LIMITED, ...REFUSED },
  },
  commitVote: {
    method: "POST",
    path: `${VOTE_PATH}/commit`,
    summary: "Record the committed scores of a vote",
    description:
      "The facilitator's client writes the scores and the vote note onto the map (one undoable edit) and records them here.",
    access: VOTE_ACCESS.run,
    body: { schema: CommitVoteBody },
    responses: { 200: { description: "Committed.", schema: VoteStateAnswer } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...RATE_LIMITED, ...REFUSED },
  },
  cancelVote: {
    method: "POST",
    path: `${VOTE_PATH}/cancel`,
    summary: "Cancel a vote (its ballots stay unpublished if it was hidden)",
    access: VOTE_ACCESS.run,
    responses: { 200: { description: "Cancelled.", schema: VoteStateAnswer } },
    errors: { ...RATE_LIMITED, ...REFUSED },
  },
} as const satisfies Readonly<Record<string, Route>>;
