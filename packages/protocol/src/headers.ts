/**
 * Our own HTTP header names. Kept apart from the payload schemas (`/http`) so that a client
 * needing only a header name does not load zod and every schema while a board opens.
 */

/** A browser's own key (the one its live connection sends), so a guest's ballot is theirs. */
export const VOTER_KEY_HEADER = "journeymap-voter";
/** The header carrying a token for the branch, when the bearer token is the original's. */
export const BRANCH_TOKEN_HEADER = "journeymap-branch-token";
/** A share-link submitter's own key, so idempotency keys are scoped to one browser. */
export const SUBMITTER_HEADER = "journeymap-submitter";
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
