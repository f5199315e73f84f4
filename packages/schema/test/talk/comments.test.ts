/** Comment threads in the talk document: starting, replying, resolving, filtering, mentions. */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { readTalk, TALK_ROOT } from "../../src/index.ts";
import {
  reopenThread,
  replyToThread,
  resolveThread,
  startThread,
} from "../../src/talk/comments.ts";
import { findMentions, mentionQuery } from "../../src/talk/mentions.ts";
import { filterThreads, unreadCount } from "../../src/talk/threadFilters.ts";
import { updatesDuring } from "../support/seededMap.ts";
import { person, said, talkDoc } from "../support/talkDoc.ts";

/** The actions lane's cell at step tp1. */
const CELL = { kind: "cell", id: "lane-actions/tp1" } as const;

describe("talk: comment threads", () => {
  it("starts threads on any target, replies in order, resolves and reopens", () => {
    const { doc, ctx } = talkDoc();
    const { threadId } = startThread(doc, CELL, said("Ana", "Is this right?"), ctx);
    replyToThread(doc, threadId, said("Ben", "@Ana yes", ["Ana"]), ctx);
    let [thread] = readTalk(doc).threads;
    expect(thread?.target).toEqual({ kind: "cell", id: "lane-actions/tp1" });
    expect(thread?.comments.map((c) => [c.author, c.text])).toEqual([
      ["Ana", "Is this right?"],
      ["Ben", "@Ana yes"],
    ]);
    expect(thread?.comments[1]?.mentions).toEqual(["Ana"]);
    expect(readTalk(doc).threadsByTarget.get("cell:lane-actions/tp1")).toHaveLength(1);

    expect(resolveThread(doc, threadId, person("Ana"), ctx)).toBe(true);
    thread = readTalk(doc).threads[0];
    expect(thread?.resolved?.by).toBe("Ana");
    expect(reopenThread(doc, threadId, ctx)).toBe(true);
    expect(readTalk(doc).threads[0]?.resolved).toBeNull();
    // A reply to a resolved thread reopens it.
    resolveThread(doc, threadId, person("Ana"), ctx);
    replyToThread(doc, threadId, said("Cy", "Wait"), ctx);
    expect(readTalk(doc).threads[0]?.resolved).toBeNull();
  });

  it("refuses bad targets and empty comments, writing nothing", () => {
    const { doc, ctx } = talkDoc();
    const start = (kind: "cell" | "phase" | "touchpoint", id: string, text: string) => () =>
      startThread(doc, { kind, id }, said("A", text), ctx);
    const written = updatesDuring(doc, () => {
      expect(start("cell", "no-slash", "x")).toThrow(RangeError);
      expect(start("phase", "a/b", "x")).toThrow(RangeError);
      expect(start("touchpoint", "tp1", "  ")).toThrow(/text/);
      expect(() => replyToThread(doc, "missing", said("A", "x"), ctx)).toThrow(/No such thread/);
    });
    expect(written).toBe(0);
  });

  it("repairs malformed data from the network instead of throwing", () => {
    const doc = new Y.Doc();
    const threads = doc.getMap(TALK_ROOT.threads);
    const good = new Y.Map();
    good.set("target", { kind: "touchpoint", id: "tp1" });
    good.set("createdAt", "not a number");
    good.set("resolved", "yes");
    threads.set("t1", good);
    const bad = new Y.Map();
    bad.set("target", { kind: "spaceship", id: "x" });
    threads.set("t2", bad);
    threads.set("t3", 42 as never);
    const orphan = new Y.Map();
    orphan.set("thread", "nope");
    orphan.set("text", "lost");
    doc.getMap(TALK_ROOT.comments).set("c1", orphan);
    const item = new Y.Map();
    item.set("sentiment", 99);
    item.set("kind", "rumour");
    item.set("decision", { status: "accepted", outcome: { kind: "touchpoint" } });
    doc.getMap(TALK_ROOT.inbox).set("i1", item);
    const talk = readTalk(doc);
    expect(talk.threads.map((t) => t.id)).toEqual(["t1"]);
    expect(talk.threads[0]).toMatchObject({ createdAt: 0, resolved: null, comments: [] });
    expect(talk.inbox[0]).toMatchObject({ sentiment: 3, kind: "other", status: "new" });
  });

  it("filters by open/resolved and person, counts unread comments by others", () => {
    const { doc, ctx } = talkDoc();
    const a = startThread(doc, { kind: "phase", id: "p1" }, said("Ana", "one"), ctx);
    const b = startThread(doc, { kind: "phase", id: "p2" }, said("Ben", "two"), ctx);
    replyToThread(doc, b.threadId, said("Ben", "@Cy?", ["Cy"]), ctx);
    resolveThread(doc, a.threadId, person("Ana"), ctx);
    const { threads } = readTalk(doc);
    expect(filterThreads(threads, { status: "open", person: null }).map((t) => t.id)).toEqual([
      b.threadId,
    ]);
    expect(filterThreads(threads, { status: "resolved", person: null })).toHaveLength(1);
    expect(filterThreads(threads, { status: "all", person: "cy" }).map((t) => t.id)).toEqual([
      b.threadId,
    ]);
    const tb = threads.find((t) => t.id === b.threadId);
    if (!tb) throw new Error("thread missing");
    expect(unreadCount(tb, "Cy", {})).toBe(2);
    expect(unreadCount(tb, "Ben", {})).toBe(0);
    expect(unreadCount(tb, "Cy", { [tb.id]: tb.lastActivity })).toBe(0);
  });

  it("finds mentions of known names, longest first, not inside other words", () => {
    const people = ["Ana", "Ana Lopez", "Bo"];
    expect(findMentions("hi @ana lopez and @Bo!", people).sort()).toEqual(["Ana Lopez", "Bo"]);
    expect(findMentions("@Bob is not @Bo", people)).toEqual(["Bo"]);
    expect(findMentions("mail@ana.test", people)).toEqual(["Ana"]);
    expect(mentionQuery("ping @An")).toBe("An");
    expect(mentionQuery("no mention")).toBeNull();
  });
});
