/** The vote routes as the board calls them: our link's token (or our session) and our browser's key. */
import type { Scores, VoteMode, VoteTarget } from "@journeymap/schema";
import { VOTER_KEY_HEADER } from "@journeymap/protocol";
import { callApi } from "../api/apiClient.ts";
import { browserKey } from "../sync/browserKey.ts";
import { displayName, tokenFor } from "../sync/tokens.ts";

const who = (mapId: string) => ({
  token: tokenFor(mapId),
  headers: { [VOTER_KEY_HEADER]: browserKey() },
});

export function startVote(
  mapId: string,
  input: { target: VoteTarget; personaId: string; mode: VoteMode },
) {
  return callApi("startVote", {
    ...who(mapId),
    params: { mapId },
    body: { ...input, name: displayName() || "Guest" },
  });
}

export function castBallot(mapId: string, voteId: string, scores: Scores) {
  return callApi("castBallot", {
    ...who(mapId),
    params: { mapId, voteId },
    body: { scores: { ...scores }, name: displayName() || "Guest" },
  });
}

export function myBallot(mapId: string, voteId: string) {
  return callApi("myBallot", { ...who(mapId), params: { mapId, voteId } });
}

export function revealVote(mapId: string, voteId: string) {
  return callApi("revealVote", { ...who(mapId), params: { mapId, voteId } });
}

export function cancelVote(mapId: string, voteId: string) {
  return callApi("cancelVote", { ...who(mapId), params: { mapId, voteId } });
}

export function recordCommit(mapId: string, voteId: string, values: Scores) {
  return callApi("commitVote", {
    ...who(mapId),
    params: { mapId, voteId },
    body: { values: { ...values } },
  });
}
