/**
 * Comment mutations on the talk document. An author is the identity the server gave the
 * connection (its display name and an id derived from the link's map and the browser's key;
 * there are no accounts): the server refuses a commenter's comment written under any other,
 * and changes to comments that are not their own. Each mutation is one transaction.
 */
import * as Y from "yjs";
import { longText, shortText } from "../mutations/input.ts";
import { type MutationContext, newId, transact } from "../mutations/transact.ts";
import { COMMENT, TALK_ROOT, THREAD } from "./layout.ts";
import { isValidTarget } from "./readTalk.ts";
import type { TalkTarget } from "./Talk.ts";

/** Who writes, as the server told the connection. */
export interface Author {
  readonly name: string;
  readonly id: string;
}

export interface NewComment {
  readonly author: Author;
  readonly text: string;
  readonly mentions?: readonly string[];
}

function requireText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") throw new RangeError("A comment needs some text");
  return longText(trimmed) as string;
}

function thread(doc: Y.Doc, threadId: string): Y.Map<unknown> | null {
  const value = doc.getMap(TALK_ROOT.threads).get(threadId);
  return value instanceof Y.Map ? value : null;
}

function insertComment(doc: Y.Doc, threadId: string, input: NewComment, ctx: MutationContext) {
  const id = newId(ctx);
  const map = new Y.Map<unknown>();
  map.set(COMMENT.thread, threadId);
  map.set(COMMENT.author, shortText(input.author.name) ?? "");
  map.set(COMMENT.authorId, input.author.id);
  map.set(COMMENT.text, requireText(input.text));
  map.set(COMMENT.mentions, [...new Set(input.mentions ?? [])].slice(0, 50));
  map.set(COMMENT.createdAt, (ctx.now ?? Date.now)());
  doc.getMap(TALK_ROOT.comments).set(id, map);
  return id;
}

/** Starts a thread on a phase, touchpoint, card, cell or curve point with its first comment. */
export function startThread(
  doc: Y.Doc,
  target: TalkTarget,
  first: NewComment,
  ctx: MutationContext,
): { threadId: string; commentId: string } {
  if (!isValidTarget(target))
    throw new RangeError(`Invalid comment target: ${JSON.stringify(target)}`);
  requireText(first.text);
  return transact(doc, ctx, () => {
    const threadId = newId(ctx);
    const map = new Y.Map<unknown>();
    map.set(THREAD.target, { kind: target.kind, id: target.id });
    map.set(THREAD.author, shortText(first.author.name) ?? "");
    map.set(THREAD.authorId, first.author.id);
    map.set(THREAD.createdAt, (ctx.now ?? Date.now)());
    map.set(THREAD.resolved, null);
    doc.getMap(TALK_ROOT.threads).set(threadId, map);
    return { threadId, commentId: insertComment(doc, threadId, first, ctx) };
  });
}

/** Adds a reply; a reply to a resolved thread reopens it (someone still has something to say). */
export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  reply: NewComment,
  ctx: MutationContext,
): string {
  requireText(reply.text);
  return transact(doc, ctx, () => {
    const map = thread(doc, threadId);
    if (!map) throw new RangeError(`No such thread: ${threadId}`);
    if (map.get(THREAD.resolved) != null) map.set(THREAD.resolved, null);
    return insertComment(doc, threadId, reply, ctx);
  });
}

/** Editors and owners resolve (the server refuses a commenter's resolution). */
export function resolveThread(doc: Y.Doc, threadId: string, by: Author, ctx: MutationContext) {
  return transact(doc, ctx, () => {
    const map = thread(doc, threadId);
    if (!map) return false;
    map.set(THREAD.resolved, {
      by: shortText(by.name) ?? "",
      byId: by.id,
      at: (ctx.now ?? Date.now)(),
    });
    return true;
  });
}

export function reopenThread(doc: Y.Doc, threadId: string, ctx: MutationContext) {
  return transact(doc, ctx, () => {
    const map = thread(doc, threadId);
    if (!map || map.get(THREAD.resolved) == null) return false;
    map.set(THREAD.resolved, null);
    return true;
  });
}
