import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  acceptInboxItem,
  CsvError,
  csvTable,
  createBoardUndoManager,
  createMapFromTemplate,
  dismissItem,
  evidenceIdFor,
  evidenceInsights,
  filterThreads,
  findMentions,
  journeyInsights,
  LOCAL_ORIGIN,
  mentionQuery,
  parseCsv,
  readJourneyMap,
  readTalk,
  reopenItem,
  reopenThread,
  replyToThread,
  resolveThread,
  sequentialIds,
  startThread,
  submitToInbox,
  TALK_ROOT,
  titleFrom,
  unreadCount,
} from "../src/index.ts";

const SERVER = { kind: "server", reason: "test" } as const;

function clock(start = 1000) {
  let t = start;
  return () => t++;
}

function talkDoc() {
  const doc = new Y.Doc();
  const ctx = { origin: LOCAL_ORIGIN, ids: sequentialIds("k"), now: clock() };
  return { doc, ctx };
}

const quote = {
  kind: "quote" as const,
  text: "  I could not find the cancel button  ",
  contributor: "Sam",
  team: "Support",
  source: "ZD-1234",
  url: "https://example.test/zd/1234",
  sentiment: -2,
};

describe("talk: comment threads", () => {
  it("starts threads on any target, replies in order, resolves and reopens", () => {
    const { doc, ctx } = talkDoc();
    const { threadId } = startThread(
      doc,
      { kind: "cell", id: "lane-actions/tp1" },
      { author: { name: "Ana", id: "id-Ana" }, text: "Is this right?" },
      ctx,
    );
    replyToThread(
      doc,
      threadId,
      { author: { name: "Ben", id: "id-Ben" }, text: "@Ana yes", mentions: ["Ana"] },
      ctx,
    );
    let [thread] = readTalk(doc).threads;
    expect(thread?.target).toEqual({ kind: "cell", id: "lane-actions/tp1" });
    expect(thread?.comments.map((c) => [c.author, c.text])).toEqual([
      ["Ana", "Is this right?"],
      ["Ben", "@Ana yes"],
    ]);
    expect(thread?.comments[1]?.mentions).toEqual(["Ana"]);
    expect(readTalk(doc).threadsByTarget.get("cell:lane-actions/tp1")).toHaveLength(1);

    expect(resolveThread(doc, threadId, { name: "Ana", id: "id-Ana" }, ctx)).toBe(true);
    thread = readTalk(doc).threads[0];
    expect(thread?.resolved?.by).toBe("Ana");
    expect(reopenThread(doc, threadId, ctx)).toBe(true);
    expect(readTalk(doc).threads[0]?.resolved).toBeNull();
    // A reply to a resolved thread reopens it.
    resolveThread(doc, threadId, { name: "Ana", id: "id-Ana" }, ctx);
    replyToThread(doc, threadId, { author: { name: "Cy", id: "id-Cy" }, text: "Wait" }, ctx);
    expect(readTalk(doc).threads[0]?.resolved).toBeNull();
  });

  it("refuses bad targets and empty comments, writing nothing", () => {
    const { doc, ctx } = talkDoc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    expect(() =>
      startThread(
        doc,
        { kind: "cell", id: "no-slash" },
        { author: { name: "A", id: "id-A" }, text: "x" },
        ctx,
      ),
    ).toThrow(RangeError);
    expect(() =>
      startThread(
        doc,
        { kind: "phase", id: "a/b" },
        { author: { name: "A", id: "id-A" }, text: "x" },
        ctx,
      ),
    ).toThrow(RangeError);
    expect(() =>
      startThread(
        doc,
        { kind: "touchpoint", id: "tp1" },
        { author: { name: "A", id: "id-A" }, text: "  " },
        ctx,
      ),
    ).toThrow(/text/);
    expect(() =>
      replyToThread(doc, "missing", { author: { name: "A", id: "id-A" }, text: "x" }, ctx),
    ).toThrow(/No such thread/);
    expect(updates).toHaveLength(0);
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
    const a = startThread(
      doc,
      { kind: "phase", id: "p1" },
      { author: { name: "Ana", id: "id-Ana" }, text: "one" },
      ctx,
    );
    const b = startThread(
      doc,
      { kind: "phase", id: "p2" },
      { author: { name: "Ben", id: "id-Ben" }, text: "two" },
      ctx,
    );
    replyToThread(
      doc,
      b.threadId,
      { author: { name: "Ben", id: "id-Ben" }, text: "@Cy?", mentions: ["Cy"] },
      ctx,
    );
    resolveThread(doc, a.threadId, { name: "Ana", id: "id-Ana" }, ctx);
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

describe("talk: evidence inbox", () => {
  it("keeps a submission with its contributor, source and time; trims text", () => {
    const { doc, ctx } = talkDoc();
    const { itemId, created } = submitToInbox(
      doc,
      { ...quote, touchpointId: "tp1" },
      { via: "form" },
      ctx,
    );
    expect(created).toBe(true);
    expect(readTalk(doc).inbox[0]).toMatchObject({
      id: itemId,
      text: "I could not find the cancel button",
      contributor: "Sam",
      team: "Support",
      source: "ZD-1234",
      touchpointId: "tp1",
      sentiment: -2,
      via: "form",
      status: "new",
      submittedAt: 1000,
    });
  });

  it("an idempotency key returns the first item on a retry and writes nothing", () => {
    const { doc, ctx } = talkDoc();
    const key = { scope: "link1", key: "ticket-77" };
    const first = submitToInbox(doc, quote, { via: "api", idempotency: key }, ctx);
    const before = Y.encodeStateVector(doc);
    const again = submitToInbox(doc, quote, { via: "api", idempotency: key }, ctx);
    expect(again).toEqual({ itemId: first.itemId, created: false });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // Another token's link may use the same key.
    const other = submitToInbox(
      doc,
      quote,
      { via: "api", idempotency: { ...key, scope: "l2" } },
      ctx,
    );
    expect(other.created).toBe(true);
    expect(readTalk(doc).inbox).toHaveLength(2);
  });

  it("refuses bad submissions with a reason, writing nothing", () => {
    const { doc, ctx } = talkDoc();
    const bad = [
      { ...quote, text: " " },
      { ...quote, contributor: "" },
      { ...quote, kind: "rumour" as never },
      { ...quote, sentiment: 7 },
      { ...quote, sentiment: 1.5 },
      { ...quote, touchpointId: "../etc" },
    ];
    for (const input of bad)
      expect(() => submitToInbox(doc, input, { via: "api" }, ctx)).toThrow(RangeError);
    expect(() =>
      submitToInbox(doc, quote, { via: "api", idempotency: { scope: "l", key: "" } }, ctx),
    ).toThrow(/Idempotency/);
    expect(readTalk(doc).inbox).toHaveLength(0);
  });

  function mapAndTalk() {
    const mapDoc = new Y.Doc();
    createMapFromTemplate(mapDoc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const { doc, ctx } = talkDoc();
    const map = readJourneyMap(mapDoc);
    const tp = map.touchpoints[0];
    if (!tp) throw new Error("template has no touchpoints");
    const { itemId } = submitToInbox(
      doc,
      { ...quote, touchpointId: tp.id },
      { via: "form" },
      {
        ...ctx,
        origin: SERVER,
      },
    );
    return { mapDoc, talk: doc, ctx, tp, itemId };
  }

  it("accepts onto a touchpoint: evidence keeps contributor, source and date, and is undoable", () => {
    const { mapDoc, talk, ctx, tp, itemId } = mapAndTalk();
    const undo = createBoardUndoManager(mapDoc);
    const outcome = acceptInboxItem(
      mapDoc,
      talk,
      itemId,
      { kind: "touchpoint", touchpointId: tp.id },
      "Ed",
      ctx,
    );
    expect(outcome).toEqual({
      kind: "touchpoint",
      touchpointId: tp.id,
      evidenceId: evidenceIdFor(itemId),
    });
    const [evidence] = readJourneyMap(mapDoc).evidenceByTarget.get(tp.id) ?? [];
    expect(evidence).toMatchObject({
      id: evidenceIdFor(itemId),
      contributor: "Sam",
      team: "Support",
      source: "ZD-1234",
      url: "https://example.test/zd/1234",
      kind: "quote",
      sentiment: -2,
      createdAt: 1000,
    });
    expect(readTalk(talk).inbox[0]).toMatchObject({ status: "accepted", decision: { by: "Ed" } });
    expect(() =>
      acceptInboxItem(mapDoc, talk, itemId, { kind: "touchpoint", touchpointId: tp.id }, "Ed", ctx),
    ).toThrow(/already/);
    undo.undo();
    expect(readJourneyMap(mapDoc).evidence).toHaveLength(0);
  });

  it("accepts as a new pain point, or onto an existing one; dismisses with a reason", () => {
    const { mapDoc, talk, ctx, tp, itemId } = mapAndTalk();
    const made = acceptInboxItem(
      mapDoc,
      talk,
      itemId,
      { kind: "newPainPoint", touchpointId: tp.id },
      "Ed",
      ctx,
    );
    expect(made.kind === "painPoint" && made.created).toBe(true);
    const map = readJourneyMap(mapDoc);
    const card = map.cardsByTouchpoint
      .get(tp.id)
      ?.find((c) => c.kind === "painPoint" && c.title.startsWith("I could not"));
    expect(card).toBeDefined();
    expect(map.evidenceByTarget.get(card?.id ?? "")).toHaveLength(1);

    const second = submitToInbox(talk, { ...quote, text: "Same again" }, { via: "api" }, ctx);
    acceptInboxItem(
      mapDoc,
      talk,
      second.itemId,
      { kind: "painPoint", cardId: card?.id ?? "" },
      "Ed",
      ctx,
    );
    expect(readJourneyMap(mapDoc).evidenceByTarget.get(card?.id ?? "")).toHaveLength(2);
    const insights = evidenceInsights(readJourneyMap(mapDoc));
    expect(insights.byCard.get(card?.id ?? "")).toMatchObject({ total: 2, sentiment: -2 });
    expect(insights.byTouchpoint.get(tp.id)?.byKind.quote).toBe(2);
    expect(insights.assumed.has(tp.id)).toBe(false);
    expect(insights.assumed.size).toBe(readJourneyMap(mapDoc).touchpoints.length - 1);
    const hotspot = journeyInsights(readJourneyMap(mapDoc)).hotspotsByPhase.find(
      (h) => h.key === tp.phaseId,
    );
    expect(hotspot?.evidence).toBe(2);

    const third = submitToInbox(talk, { ...quote, text: "Spam" }, { via: "api" }, ctx);
    expect(() => dismissItem(talk, third.itemId, "Ed", " ", ctx)).toThrow(/why/);
    dismissItem(talk, third.itemId, "Ed", "Not about this journey", ctx);
    expect(readTalk(talk).inbox.find((i) => i.id === third.itemId)?.decision).toMatchObject({
      status: "dismissed",
      reason: "Not about this journey",
    });
    reopenItem(talk, third.itemId, ctx);
    expect(readTalk(talk).inbox.find((i) => i.id === third.itemId)?.status).toBe("new");
  });

  it("two editors accepting the same item at once converge on one piece of evidence", () => {
    const { mapDoc, talk, ctx, tp, itemId } = mapAndTalk();
    const mapB = new Y.Doc();
    Y.applyUpdate(mapB, Y.encodeStateAsUpdate(mapDoc));
    const talkB = new Y.Doc();
    Y.applyUpdate(talkB, Y.encodeStateAsUpdate(talk));
    acceptInboxItem(mapDoc, talk, itemId, { kind: "newPainPoint", touchpointId: tp.id }, "Ed", ctx);
    acceptInboxItem(mapB, talkB, itemId, { kind: "newPainPoint", touchpointId: tp.id }, "Flo", ctx);
    Y.applyUpdate(mapDoc, Y.encodeStateAsUpdate(mapB));
    Y.applyUpdate(mapB, Y.encodeStateAsUpdate(mapDoc));
    Y.applyUpdate(talk, Y.encodeStateAsUpdate(talkB));
    const a = readJourneyMap(mapDoc);
    expect(a.evidence).toHaveLength(1);
    expect(
      a.cardsByTouchpoint.get(tp.id)?.filter((c) => c.title.startsWith("I could not")),
    ).toHaveLength(1);
    expect(readJourneyMap(mapB).evidence).toEqual(a.evidence);
    expect(readTalk(talk).inbox[0]?.status).toBe("accepted");
  });

  it("shortens a pain point's title at a word", () => {
    expect(titleFrom("short")).toBe("short");
    expect(titleFrom(`${"word ".repeat(30)}end`, 20)).toBe("word word word word…");
    expect(titleFrom("first line\nsecond")).toBe("first line");
  });
});

describe("talk: CSV import", () => {
  it("parses quotes, doubled quotes, newlines in quotes, CRLF, a BOM and blank lines", () => {
    const text = '\ufeffa,b\r\n"x, y","he said ""hi"""\n\n"multi\nline",z\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
      ["multi\nline", "z"],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(CsvError);
  });

  it("maps header names to fields, numbers rows, reports unknown columns", () => {
    const table = csvTable(
      "Quote,Type,Ticket,Step,Score,Name,Team,Key\nSlow,ticket,ZD-1,Sign up,-1,Sam,Support,k1\n",
    );
    expect(table.ignoredColumns).toEqual(["Ticket"]);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          text: "Slow",
          kind: "ticket",
          touchpoint: "Sign up",
          sentiment: "-1",
          contributor: "Sam",
          team: "Support",
          key: "k1",
        },
      },
    ]);
    expect(() => csvTable("kind,source\nquote,x")).toThrow(/text column/);
    expect(() => csvTable("")).toThrow(/empty/);
  });
});
