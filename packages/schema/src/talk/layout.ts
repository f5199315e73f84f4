/**
 * The layout of a map's second document, `talk:<mapId>`: comment threads and the evidence
 * inbox. It is a separate Y.Doc so that commenters and contributors can write to it while
 * the map document stays read-only for them (the server enforces that per document).
 *
 *   threads   Y.Map<ThreadId, Y.Map<field, value>>   target, author, authorId, createdAt, resolved…
 *   comments  Y.Map<CommentId, Y.Map<field, value>>  thread, author, authorId, text, mentions…
 *   inbox     Y.Map<ItemId, Y.Map<field, value>>     a contribution and its triage decision
 *   keys      Y.Map<"<scope>/<key>", ItemId>         idempotency keys of API submissions (digests)
 *
 * Comments are their own entities (not an array in the thread) so concurrent replies never
 * conflict; a thread's order is (createdAt, id).
 */
export const TALK_ROOT = {
  threads: "threads",
  comments: "comments",
  inbox: "inbox",
  keys: "keys",
} as const;

export type TalkEntityRoot = Exclude<keyof typeof TALK_ROOT, "keys">;

export const THREAD = {
  target: "target",
  author: "author",
  /** The server-derived identity of the author (see the server's sync/identity.ts). */
  authorId: "authorId",
  createdAt: "createdAt",
  /** One value `{ by, at }` or null: resolve/reopen is last-writer-wins as a whole. */
  resolved: "resolved",
} as const;

export const COMMENT = {
  thread: "thread",
  author: "author",
  authorId: "authorId",
  text: "text",
  mentions: "mentions",
  createdAt: "createdAt",
} as const;

export const ITEM = {
  kind: "kind",
  text: "text",
  source: "source",
  url: "url",
  touchpoint: "touchpoint",
  sentiment: "sentiment",
  contributor: "contributor",
  team: "team",
  via: "via",
  submittedAt: "submittedAt",
  /** One value: the triage decision as a whole (status, who, when, outcome), or null. */
  decision: "decision",
} as const;
