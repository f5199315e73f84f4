/**
 * HTTP routes of live emotion votes (protocol's VOTE_ROUTES): start, ballot, my ballot,
 * reveal, commit, cancel. A request is a share link's token or a signed-in person's session
 * (grants.ts); link guests also send their browser's key, from which the server derives the
 * same `guest:…` id their live connection has, so one person has one ballot. Rate-limited
 * per person and address, size-limited; refusals name what is wrong.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AccessService, KeyedDigest } from "@journeymap/access";
import { guestId, isMapId } from "@journeymap/protocol";
import {
  type Access,
  allows,
  BallotBody,
  type BallotReceipt,
  CommitVoteBody,
  ROUTES,
  StartVoteBody,
  type StartedVote,
  VOTE_ACCESS,
  VOTER_KEY_HEADER,
  type VoteStateAnswer,
} from "@journeymap/protocol/http";
import { type Context, Hono } from "hono";
import { displayName } from "../people/identity.ts";
import { type Voter, VoteRefused, type VoteService } from "../votes/VoteService.ts";
import { grantFor, grantHolder } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";

/** A ballot or a commit of up to 300 steps' scores, with room to spare. */
export const MAX_VOTE_BODY_BYTES = 32 * 1024;
const BROWSER_KEY = /^[\w-]{16,128}$/;
const VOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface VoteLimits {
  /** Sustained requests per minute per person and address… */
  readonly perMinute: number;
  /** …after a burst of this many (a voter changing their mind a few times in a row). */
  readonly burst: number;
}
export const DEFAULT_VOTE_LIMITS: VoteLimits = { perMinute: 60, burst: 20 };

export interface VoteRoutesOptions {
  readonly access: AccessService;
  readonly votes: VoteService;
  /** The server's keyed digest, to derive a guest's id as their live connection does. */
  readonly digest: KeyedDigest;
  readonly limits?: VoteLimits;
}

export function createVoteRoutes({
  access,
  votes,
  digest,
  limits = DEFAULT_VOTE_LIMITS,
}: VoteRoutesOptions): Hono {
  const app = new Hono();
  const rate = new RateLimiter(limits.perMinute, limits.burst);

  /** Who this request is on the map, allowed to do `what`, or the refusal. */
  const voterFor = async (
    c: Context,
    what: Access,
    guestName = "",
  ): Promise<{ mapId: string; voteId: string; voter: Voter } | Response> => {
    const mapId = c.req.param("mapId") ?? "";
    if (!isMapId(mapId)) return c.json({ error: "mapId: not a map id" }, 400);
    const voteId = c.req.param("voteId") ?? "";
    if (voteId !== "" && !VOTE_ID.test(voteId))
      return c.json({ error: "voteId: not a vote id" }, 400);
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (grant.kind === "api" || !allows(what, grant))
      return c.json({ error: `${grantHolder(grant)} may not do this in a vote` }, 403);
    let voter: Voter;
    if (grant.kind === "account") voter = { id: grant.userId, name: grant.name, guest: false };
    else {
      // One ballot per person needs to know the person; running a vote only names its starter.
      const key = c.req.header(VOTER_KEY_HEADER) ?? "";
      const keyed = BROWSER_KEY.test(key);
      if (!keyed && what === VOTE_ACCESS.ballot)
        return c.json({ error: `${VOTER_KEY_HEADER}: send this browser's key` }, 400);
      const held = keyed ? `browser:${key}` : `link:${grant.linkId}`;
      const id = guestId(digest("comment-author", mapId, held));
      voter = { id, name: displayName(guestName), guest: true };
    }
    let address = "unknown";
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not served by the node adapter (tests calling app.fetch directly).
    }
    const decision = rate.take(`${voter.id}|${address}`);
    if (!decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: `Too many requests; retry in ${decision.retryAfterSeconds} s` }, 429);
    }
    return { mapId, voteId, voter };
  };

  /** Runs `fn`, answering a VoteRefused with its status. */
  const answer = async <T>(c: Context, fn: () => Promise<T>, status: 200 | 201 = 200) => {
    try {
      return c.json(await fn(), status);
    } catch (error) {
      if (error instanceof VoteRefused) return c.json({ error: error.message }, error.status);
      throw error;
    }
  };

  mount(app, ROUTES.startVote, limitBody(2048), async (c) => {
    const body = await readBody(c, StartVoteBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const who = await voterFor(c, VOTE_ACCESS.run, body.name ?? "");
    if (who instanceof Response) return who;
    return answer(
      c,
      async () => (await votes.start(who.mapId, who.voter, body)) satisfies StartedVote,
      201,
    );
  });

  mount(app, ROUTES.castBallot, limitBody(MAX_VOTE_BODY_BYTES), async (c) => {
    const body = await readBody(c, BallotBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const who = await voterFor(c, VOTE_ACCESS.ballot, body.name ?? "");
    if (who instanceof Response) return who;
    return answer(
      c,
      async () =>
        (await votes.ballot(who.mapId, who.voteId, who.voter, body.scores)) satisfies BallotReceipt,
    );
  });

  mount(app, ROUTES.myBallot, async (c) => {
    const who = await voterFor(c, VOTE_ACCESS.ballot);
    if (who instanceof Response) return who;
    return answer(
      c,
      async () => (await votes.mine(who.mapId, who.voteId, who.voter)) satisfies BallotReceipt,
    );
  });

  mount(app, ROUTES.revealVote, async (c) => {
    const who = await voterFor(c, VOTE_ACCESS.run);
    if (who instanceof Response) return who;
    return answer(
      c,
      async () => (await votes.reveal(who.mapId, who.voteId)) satisfies VoteStateAnswer,
    );
  });

  mount(app, ROUTES.commitVote, limitBody(MAX_VOTE_BODY_BYTES), async (c) => {
    const body = await readBody(c, CommitVoteBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const who = await voterFor(c, VOTE_ACCESS.run);
    if (who instanceof Response) return who;
    return answer(
      c,
      async () =>
        (await votes.commit(
          who.mapId,
          who.voteId,
          who.voter,
          body.values,
        )) satisfies VoteStateAnswer,
    );
  });

  mount(app, ROUTES.cancelVote, async (c) => {
    const who = await voterFor(c, VOTE_ACCESS.run);
    if (who instanceof Response) return who;
    return answer(
      c,
      async () => (await votes.cancel(who.mapId, who.voteId)) satisfies VoteStateAnswer,
    );
  });

  return app;
}
