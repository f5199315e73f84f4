/** The refusals route tables name again and again, each with the ErrorBody that says why. */
import { ErrorBody } from "./errors.ts";
import type { Answer } from "./route.ts";

export const refusal = (description: string): Answer => ({ description, schema: ErrorBody });

export const BAD_INPUT = {
  400: refusal("Bad input; the message says what is wrong. Nothing changed."),
};
export const TOO_LARGE = { 413: refusal("Body too large.") };
export const RATE_LIMITED = { 429: refusal("Too many requests; see Retry-After.") };
export const SIGNED_OUT = { 401: refusal("Not signed in (no session, or it ended).") };
