/**
 * The evidence inbox: contributions from people outside the workshop (a contributor form,
 * an API, a CSV import) waiting for an editor's triage. Submissions are written by the
 * server; triage decisions by editors' browsers. Both are plain talk-document edits.
 */
import * as Y from "yjs";
import { longText, oneOf, shortText } from "../mutations/input.ts";
import { type MutationContext, newId, transact } from "../mutations/transact.ts";
import { isValidId } from "../ids.ts";
import { EMOTION_MAX, EMOTION_MIN, EVIDENCE_KINDS, type EvidenceKind } from "../vocabulary.ts";
import type { Author } from "./comments.ts";
import { ITEM, TALK_ROOT } from "./layout.ts";
import { INBOX_VIA, type InboxVia, type TriageOutcome } from "./Talk.ts";

export interface Submission {
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly source?: string;
  readonly url?: string;
  readonly touchpointId?: string | null;
  readonly sentiment?: number | null;
  readonly contributor: string;
  readonly team?: string;
}

/** Longest idempotency key accepted (keys come from other systems: ticket ids, UUIDs). */
export const MAX_IDEMPOTENCY_KEY = 200;

export interface SubmitOptions {
  readonly via: InboxVia;
  /**
   * A key that makes the submission idempotent within `scope`: a retried post with the same
   * key returns the first item instead of adding another. The talk document is readable by
   * viewers, so the server passes a keyed digest of (link, submitter, key), never the key.
   */
  readonly idempotency?: { readonly scope: string; readonly key: string };
}

export interface SubmitResult {
  readonly itemId: string;
  /** False when the idempotency key had been used: nothing was written. */
  readonly created: boolean;
}

function idempotencyKey(scope: string, key: string): string {
  if (key === "" || key.length > MAX_IDEMPOTENCY_KEY)
    throw new RangeError(`Idempotency keys are 1–${MAX_IDEMPOTENCY_KEY} characters`);
  return `${scope}/${key}`;
}

/** The item a key was used for, if any. */
export function itemForKey(doc: Y.Doc, scope: string, key: string): string | null {
  const id = doc.getMap(TALK_ROOT.keys).get(idempotencyKey(scope, key));
  return typeof id === "string" ? id : null;
}

export function submitToInbox(
  doc: Y.Doc,
  input: Submission,
  options: SubmitOptions,
  ctx: MutationContext,
): SubmitResult {
  const text = input.text.trim();
  if (text === "") throw new RangeError("A contribution needs some text");
  if (input.contributor.trim() === "") throw new RangeError("A contribution needs a name");
  oneOf(input.kind, EVIDENCE_KINDS, "evidence kind");
  oneOf(options.via, INBOX_VIA, "submission channel");
  if (input.touchpointId != null && !isValidId(input.touchpointId))
    throw new RangeError(`Invalid touchpoint id: ${JSON.stringify(input.touchpointId)}`);
  const sentiment = input.sentiment ?? null;
  if (
    sentiment !== null &&
    !(Number.isInteger(sentiment) && sentiment >= EMOTION_MIN && sentiment <= EMOTION_MAX)
  )
    throw new RangeError(`Sentiment is an integer from ${EMOTION_MIN} to ${EMOTION_MAX}`);
  const key = options.idempotency
    ? idempotencyKey(options.idempotency.scope, options.idempotency.key)
    : null;
  return transact(doc, ctx, () => {
    // Checked inside the transaction: on one instance nothing can slip in between.
    const keys = doc.getMap<string>(TALK_ROOT.keys);
    const existing = key === null ? undefined : keys.get(key);
    if (typeof existing === "string") return { itemId: existing, created: false };
    const id = newId(ctx);
    const map = new Y.Map<unknown>();
    map.set(ITEM.kind, input.kind);
    map.set(ITEM.text, longText(text) as string);
    map.set(ITEM.source, shortText(input.source?.trim() ?? "") as string);
    map.set(ITEM.url, (input.url ?? "").trim().slice(0, 2000));
    map.set(ITEM.touchpoint, input.touchpointId ?? null);
    map.set(ITEM.sentiment, sentiment);
    map.set(ITEM.contributor, shortText(input.contributor.trim()) as string);
    map.set(ITEM.team, shortText(input.team?.trim() ?? "") as string);
    map.set(ITEM.via, options.via);
    map.set(ITEM.submittedAt, (ctx.now ?? Date.now)());
    map.set(ITEM.decision, null);
    doc.getMap(TALK_ROOT.inbox).set(id, map);
    if (key !== null) keys.set(key, id);
    return { itemId: id, created: true };
  });
}

/**
 * Who triages: the author the server told the connection it is (then the decision carries
 * `byId`, which the server holds to the connection's own id), or a name alone (a connection
 * not yet told its identity; the server then checks the name only).
 */
export type Decider = Author | string;

function decidedBy(decider: Decider): { by: string; byId?: string } {
  const name = typeof decider === "string" ? decider : decider.name;
  const by = shortText(name) ?? "";
  return typeof decider === "string" || decider.id === "" ? { by } : { by, byId: decider.id };
}

function item(doc: Y.Doc, itemId: string): Y.Map<unknown> {
  const value = doc.getMap(TALK_ROOT.inbox).get(itemId);
  if (!(value instanceof Y.Map)) throw new RangeError(`No such inbox item: ${itemId}`);
  return value;
}

/** Records an accept decision (the evidence itself is written to the map document). */
export function markAccepted(
  doc: Y.Doc,
  itemId: string,
  by: Decider,
  outcome: TriageOutcome,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => {
    item(doc, itemId).set(ITEM.decision, {
      status: "accepted",
      ...decidedBy(by),
      at: (ctx.now ?? Date.now)(),
      outcome: { ...outcome },
    });
  });
}

export function dismissItem(
  doc: Y.Doc,
  itemId: string,
  by: Decider,
  reason: string,
  ctx: MutationContext,
): void {
  const why = reason.trim();
  if (why === "") throw new RangeError("Say why the contribution is dismissed");
  transact(doc, ctx, () => {
    item(doc, itemId).set(ITEM.decision, {
      status: "dismissed",
      ...decidedBy(by),
      at: (ctx.now ?? Date.now)(),
      reason: shortText(why),
    });
  });
}

/** Back to "new": undoes a dismissal, or an acceptance whose evidence was removed from the map. */
export function reopenItem(doc: Y.Doc, itemId: string, ctx: MutationContext): void {
  transact(doc, ctx, () => {
    const map = item(doc, itemId);
    if (map.get(ITEM.decision) != null) map.set(ITEM.decision, null);
  });
}
