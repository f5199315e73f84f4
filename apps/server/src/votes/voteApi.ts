/** Live emotion votes wired up: the service over the store's votes and the live documents, and its routes. */
import type { AccessService, KeyedDigest } from "@journeymap/access";
import { randomId } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import type { Hono } from "hono";
import { createVoteRoutes, type VoteLimits } from "../http/voteRoutes.ts";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import { VoteService } from "./VoteService.ts";

export interface VoteApiOptions {
  readonly live: LiveDocuments;
  readonly store: MapStore;
  readonly access: AccessService;
  readonly digest: KeyedDigest;
  readonly limits?: VoteLimits;
}

export function createVoteApi({ live, store, access, digest, limits }: VoteApiOptions): Hono {
  const votes = new VoteService(live, store.votes(), Date.now, randomId);
  return createVoteRoutes({ access, votes, digest, ...(limits ? { limits } : {}) });
}
