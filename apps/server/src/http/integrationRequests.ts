/**
 * What the routes integrations call (evidence in talkRoutes.ts, metrics in metricRoutes.ts) check
 * the same way: the body's media type, an optional Idempotency-Key, true/false query flags, and
 * what keys and rate limits are scoped to.
 */
import { IDEMPOTENCY_KEY_HEADER } from "@journeymap/protocol/http";
import type { Context } from "hono";
import type { RequestGrant } from "./grants.ts";

/** The longest Idempotency-Key (or submitter key) accepted. */
export const MAX_IDEMPOTENCY_KEY = 200;

const MEDIA = {
  json: { pattern: /^application\/json\b/i, refusal: "Send JSON (Content-Type: application/json)" },
  csv: { pattern: /^text\/(csv|plain)\b/i, refusal: "Send CSV (Content-Type: text/csv)" },
} as const;

/** The 415 refusing a body that is not of this kind, or null. */
export function refuseMediaType(c: Context, kind: keyof typeof MEDIA): Response | null {
  const { pattern, refusal } = MEDIA[kind];
  return pattern.test(c.req.header("content-type") ?? "") ? null : c.json({ error: refusal }, 415);
}

/** The request's Idempotency-Key (null: none), or the 400 refusing an empty or long one. */
export function idempotencyKeyOf(c: Context): string | null | Response {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER) ?? null;
  if (key !== null && (key.trim() === "" || key.length > MAX_IDEMPOTENCY_KEY))
    return c.json({ error: `Idempotency-Key: 1–${MAX_IDEMPOTENCY_KEY} characters` }, 400);
  return key;
}

/** A true/false query flag (absent is false); null when it is neither. */
export function booleanQuery(c: Context, name: string): boolean | null {
  const value = c.req.query(name);
  if (value === undefined || value === "false" || value === "0") return false;
  return value === "true" || value === "1" ? true : null;
}

/** What idempotency keys and rate limits are scoped to: the token or link, or the person. */
export function grantScope(grant: RequestGrant): string {
  return grant.kind === "account" ? `account:${grant.userId}` : grant.linkId;
}
