/**
 * The talk document's read model. Like the map's, it repairs instead of throwing: anything
 * malformed from the network is clamped, defaulted or left out (a comment whose thread is
 * missing is not shown; a thread with an invalid target is not shown).
 */
import * as Y from "yjs";
import { isValidId } from "../ids.ts";
import { MAX_LONG_TEXT, toInt, toOneOf, toText } from "../read/coerce.ts";
import { EMOTION_MAX, EMOTION_MIN, EVIDENCE_KINDS } from "../vocabulary.ts";
import { COMMENT, ITEM, TALK_ROOT, THREAD } from "./layout.ts";
import {
  type Comment,
  type Decision,
  INBOX_VIA,
  type InboxItem,
  type Resolution,
  TALK_TARGET_KINDS,
  type Talk,
  type TalkTarget,
  type Thread,
  type TriageOutcome,
  targetKey,
} from "./Talk.ts";

const TIME_MAX = Number.MAX_SAFE_INTEGER;
const COMPOSITE_KINDS = new Set(["cell", "emotion"]);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function isValidTarget(value: unknown): value is TalkTarget {
  const raw = record(value);
  if (!raw || !TALK_TARGET_KINDS.includes(raw.kind as never) || typeof raw.id !== "string")
    return false;
  const parts = raw.id.split("/");
  return COMPOSITE_KINDS.has(raw.kind as string)
    ? parts.length === 2 && parts.every(isValidId)
    : parts.length === 1 && isValidId(raw.id);
}

function readResolution(value: unknown): Resolution | null {
  const raw = record(value);
  if (!raw) return null;
  return { by: toText(raw.by), byId: toText(raw.byId), at: toInt(raw.at, 0, TIME_MAX, 0) };
}

function readOutcome(value: unknown): TriageOutcome | null {
  const raw = record(value);
  if (!raw || !isValidId(raw.evidenceId)) return null;
  if (raw.kind === "touchpoint" && isValidId(raw.touchpointId))
    return { kind: "touchpoint", touchpointId: raw.touchpointId, evidenceId: raw.evidenceId };
  if (raw.kind === "painPoint" && isValidId(raw.cardId))
    return {
      kind: "painPoint",
      cardId: raw.cardId,
      evidenceId: raw.evidenceId,
      created: raw.created === true,
    };
  return null;
}

function readDecision(value: unknown): Decision | null {
  const raw = record(value);
  if (!raw) return null;
  const by = toText(raw.by);
  const byId = typeof raw.byId === "string" && raw.byId !== "" ? { byId: toText(raw.byId) } : {};
  const at = toInt(raw.at, 0, TIME_MAX, 0);
  if (raw.status === "dismissed")
    return { status: "dismissed", by, ...byId, at, reason: toText(raw.reason) };
  if (raw.status === "accepted") {
    const outcome = readOutcome(raw.outcome);
    return outcome ? { status: "accepted", by, ...byId, at, outcome } : null;
  }
  return null;
}

function readStrings(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string => typeof v === "string")
    .slice(0, max)
    .map((v) => toText(v));
}

function byTimeThenId<T extends { id: string }>(time: (t: T) => number) {
  return (a: T, b: T) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function readInboxItem(id: string, fields: Y.Map<unknown>): InboxItem {
  const sentiment = fields.get(ITEM.sentiment);
  const touchpoint = fields.get(ITEM.touchpoint);
  const decision = readDecision(fields.get(ITEM.decision));
  return {
    id,
    kind: toOneOf(fields.get(ITEM.kind), EVIDENCE_KINDS, "other"),
    text: toText(fields.get(ITEM.text), "", MAX_LONG_TEXT),
    source: toText(fields.get(ITEM.source)),
    url: toText(fields.get(ITEM.url), "", 2000),
    touchpointId: isValidId(touchpoint) ? touchpoint : null,
    sentiment:
      sentiment === null || sentiment === undefined
        ? null
        : toInt(sentiment, EMOTION_MIN, EMOTION_MAX, 0),
    contributor: toText(fields.get(ITEM.contributor)),
    team: toText(fields.get(ITEM.team)),
    via: toOneOf(fields.get(ITEM.via), INBOX_VIA, "form"),
    submittedAt: toInt(fields.get(ITEM.submittedAt), 0, TIME_MAX, 0),
    decision,
    status: decision?.status ?? "new",
  };
}

export function readTalk(doc: Y.Doc): Talk {
  const comments = new Map<string, Comment[]>();
  doc.getMap(TALK_ROOT.comments).forEach((value, id) => {
    if (!(value instanceof Y.Map) || !isValidId(id)) return;
    const threadId = value.get(COMMENT.thread);
    if (!isValidId(threadId)) return;
    const comment: Comment = {
      id,
      threadId,
      author: toText(value.get(COMMENT.author)),
      authorId: toText(value.get(COMMENT.authorId)),
      text: toText(value.get(COMMENT.text), "", MAX_LONG_TEXT),
      mentions: readStrings(value.get(COMMENT.mentions), 50),
      createdAt: toInt(value.get(COMMENT.createdAt), 0, TIME_MAX, 0),
    };
    const list = comments.get(threadId);
    if (list) list.push(comment);
    else comments.set(threadId, [comment]);
  });

  const threads: Thread[] = [];
  doc.getMap(TALK_ROOT.threads).forEach((value, id) => {
    if (!(value instanceof Y.Map) || !isValidId(id)) return;
    const target = value.get(THREAD.target);
    if (!isValidTarget(target)) return;
    const own = (comments.get(id) ?? []).sort(byTimeThenId((c) => c.createdAt));
    const createdAt = toInt(value.get(THREAD.createdAt), 0, TIME_MAX, 0);
    threads.push({
      id,
      target: { kind: target.kind, id: target.id },
      author: toText(value.get(THREAD.author)),
      authorId: toText(value.get(THREAD.authorId)),
      createdAt,
      resolved: readResolution(value.get(THREAD.resolved)),
      comments: own,
      lastActivity: Math.max(createdAt, ...own.map((c) => c.createdAt)),
    });
  });

  const byTarget = new Map<string, Thread[]>();
  for (const thread of [...threads].sort(byTimeThenId((t) => t.createdAt))) {
    const key = targetKey(thread.target);
    const list = byTarget.get(key);
    if (list) list.push(thread);
    else byTarget.set(key, [thread]);
  }
  threads.sort(byTimeThenId((t) => -t.lastActivity));

  const inbox: InboxItem[] = [];
  doc.getMap(TALK_ROOT.inbox).forEach((value, id) => {
    if (value instanceof Y.Map && isValidId(id)) inbox.push(readInboxItem(id, value));
  });
  inbox.sort(byTimeThenId((i) => -i.submittedAt));

  return { threads, threadsByTarget: byTarget, inbox };
}
