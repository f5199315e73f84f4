/**
 * Freshness edits (issue 18): verify things, name a phase's owner, set the review period. Each
 * is one transaction with the caller's origin, writes only plain values into the freshness
 * root (so a verification never counts as a change of the thing verified), and writes nothing
 * when the value would not change (INV-M2).
 */
import type * as Y from "yjs";
import { type ElementRef, elementKey } from "../elementRef/elementRef.ts";
import { FRESHNESS } from "../layout.ts";
import { type MutationContext, transact } from "../mutations/transact.ts";
import {
  freshnessRoot,
  MAX_OWNER,
  MAX_REVIEW_AFTER_DAYS,
  MIN_REVIEW_AFTER_DAYS,
  toReviewAfterDays,
} from "./freshnessSettings.ts";

/**
 * Records that `by` verified these things now, without changing them. Verifying a phase
 * verifies everything in it; a step, its cards and cells (computeFreshness).
 */
export function markVerified(
  doc: Y.Doc,
  refs: readonly ElementRef[],
  by: string,
  ctx: MutationContext,
): boolean {
  const root = freshnessRoot(doc);
  if (!root || refs.length === 0) return false;
  const at = (ctx.now ?? Date.now)();
  const verifier = by.trim().slice(0, 80) || "Someone";
  transact(doc, ctx, () => {
    for (const ref of refs)
      root.set(`${FRESHNESS.verifiedPrefix}${elementKey(ref)}`, { by: verifier, at });
  });
  return true;
}

/** Names a phase's owner (a person or a team); an empty name removes it. */
export function setPhaseOwner(
  doc: Y.Doc,
  phaseId: string,
  owner: string,
  ctx: MutationContext,
): boolean {
  const root = freshnessRoot(doc);
  if (!root) return false;
  const key = `${FRESHNESS.ownerPrefix}${phaseId}`;
  const name = owner.trim().slice(0, MAX_OWNER);
  const current = root.get(key);
  if ((name === "" && current === undefined) || current === name) return false;
  transact(doc, ctx, () => {
    if (name === "") root.delete(key);
    else root.set(key, name);
  });
  return true;
}

/** Sets after how many days an unchanged, unverified item needs review (whole days). */
export function setReviewAfterDays(doc: Y.Doc, days: number, ctx: MutationContext): boolean {
  if (!Number.isInteger(days) || days < MIN_REVIEW_AFTER_DAYS || days > MAX_REVIEW_AFTER_DAYS) {
    throw new RangeError(
      `Review after a whole number of days from ${MIN_REVIEW_AFTER_DAYS} to ${MAX_REVIEW_AFTER_DAYS}.`,
    );
  }
  const root = freshnessRoot(doc);
  // Unset reads as the default: setting the default then changes nothing (INV-M2).
  if (!root || toReviewAfterDays(root.get(FRESHNESS.reviewAfterDays)) === days) return false;
  transact(doc, ctx, () => root.set(FRESHNESS.reviewAfterDays, days));
  return true;
}
