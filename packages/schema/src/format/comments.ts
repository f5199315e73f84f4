/**
 * Comments in the file (optional, `comments` beside `map`): the comment threads of a map's
 * talk document, in order of creation. The evidence inbox is not exported: accepted evidence
 * is already on the map, and pending contributions belong to the team that triages them.
 * Ids, authors and times are kept, so a thread re-imported reads back exactly as it was.
 */
import * as Y from "yjs";
import { z } from "zod";
import { isValidTarget, readTalk } from "../talk/readTalk.ts";
import { COMMENT, TALK_ROOT, THREAD } from "../talk/layout.ts";
import { TALK_TARGET_KINDS, type Thread } from "../talk/Talk.ts";
import type { MapOrigin } from "../origin.ts";

const IMPORT_ORIGIN: MapOrigin = Object.freeze({ kind: "import", source: "comments" });

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "an id is 1–64 characters of A–Z, a–z, 0–9, _ and -");
const time = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const short = z.string().max(500);

export const commentSchema = z.object({
  id,
  author: short,
  text: z.string().max(20_000),
  mentions: z.array(short).max(50).meta({ description: "Names mentioned with @." }),
  createdAt: time,
});

export const commentThreadSchema = z
  .object({
    id,
    target: z
      .object({ kind: z.enum(TALK_TARGET_KINDS), id: z.string().max(200) })
      .refine(isValidTarget, {
        message:
          "a target names a phase, touchpoint or card id, or laneId/touchpointId for a cell, personaId/touchpointId for a curve point",
      })
      .meta({ description: "What the thread is about." }),
    author: short,
    createdAt: time,
    resolved: z.object({ by: short, at: time }).nullable(),
    comments: z.array(commentSchema).max(1000),
  })
  .meta({ id: "CommentThread", description: "A comment thread on part of the map." });

export const commentThreadsSchema = z
  .array(commentThreadSchema)
  .max(10_000)
  .superRefine((threads, ctx) => {
    const threadIds = new Set<string>();
    const commentIds = new Set<string>();
    threads.forEach((thread, i) => {
      if (threadIds.has(thread.id)) {
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${thread.id}"` });
      }
      threadIds.add(thread.id);
      thread.comments.forEach((comment, j) => {
        if (commentIds.has(comment.id)) {
          ctx.addIssue({
            code: "custom",
            path: [i, "comments", j, "id"],
            message: `duplicate comment id "${comment.id}"`,
          });
        }
        commentIds.add(comment.id);
      });
    });
  });

export type CommentThreadFile = z.infer<typeof commentThreadSchema>;

const byTimeThenId = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toFileThread(thread: Thread): CommentThreadFile {
  return {
    id: thread.id,
    target: { kind: thread.target.kind, id: thread.target.id },
    author: thread.author,
    createdAt: thread.createdAt,
    resolved: thread.resolved ? { by: thread.resolved.by, at: thread.resolved.at } : null,
    comments: thread.comments.map((c) => ({
      id: c.id,
      author: c.author,
      text: c.text,
      mentions: [...c.mentions],
      createdAt: c.createdAt,
    })),
  };
}

/** The threads of a talk document, oldest first. */
export function threadsOfTalk(doc: Y.Doc): CommentThreadFile[] {
  return readTalk(doc).threads.map(toFileThread).sort(byTimeThenId);
}

/** The threads of a talk document's stored updates (checkpoint + log). */
export function threadsFromUpdates(updates: readonly Uint8Array[]): CommentThreadFile[] {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return threadsOfTalk(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Writes threads into a talk document in one transaction, keeping ids, authors and times
 * (an import restores a conversation; it does not restart it). Existing threads with the
 * same ids are replaced.
 */
export function writeThreads(doc: Y.Doc, threads: readonly CommentThreadFile[]): void {
  doc.transact(() => {
    const threadRoot = doc.getMap(TALK_ROOT.threads);
    const commentRoot = doc.getMap(TALK_ROOT.comments);
    for (const thread of threads) {
      const map = new Y.Map<unknown>();
      map.set(THREAD.target, { kind: thread.target.kind, id: thread.target.id });
      map.set(THREAD.author, thread.author);
      map.set(THREAD.createdAt, thread.createdAt);
      map.set(THREAD.resolved, thread.resolved ? { ...thread.resolved } : null);
      threadRoot.set(thread.id, map);
      for (const comment of thread.comments) {
        const c = new Y.Map<unknown>();
        c.set(COMMENT.thread, thread.id);
        c.set(COMMENT.author, comment.author);
        c.set(COMMENT.text, comment.text);
        c.set(COMMENT.mentions, [...comment.mentions]);
        c.set(COMMENT.createdAt, comment.createdAt);
        commentRoot.set(comment.id, c);
      }
    }
  }, IMPORT_ORIGIN);
}

/** The seed update of a new map's talk document holding the threads. */
export function talkSeedFromThreads(threads: readonly CommentThreadFile[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    writeThreads(doc, threads);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
