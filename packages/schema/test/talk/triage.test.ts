/**
 * Triage of the evidence inbox: accepting an item onto a step or a pain point (undoable,
 * converging when two editors accept at once) and dismissing it with a reason.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { createBoardUndoManager, readJourneyMap, readTalk } from "../../src/index.ts";
import { evidenceInsights } from "../../src/insights/evidenceInsights.ts";
import { journeyInsights } from "../../src/insights/journeyInsights.ts";
import { dismissItem, reopenItem, submitToInbox } from "../../src/talk/inbox.ts";
import { ITEM, TALK_ROOT } from "../../src/talk/layout.ts";
import { acceptInboxItem, evidenceIdFor, titleFrom } from "../../src/talk/triage.ts";
import { copyOf } from "../support/seededMap.ts";
import { mapAndTalk, QUOTE } from "../support/talkDoc.ts";

describe("talk: inbox triage", () => {
  it("accepts onto a touchpoint: evidence keeps contributor, source and date, and is undoable", () => {
    const { mapDoc, talk, tp, itemId, accept } = mapAndTalk();
    const undo = createBoardUndoManager(mapDoc);
    const outcome = accept(itemId, { kind: "touchpoint", touchpointId: tp.id });
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
    expect(() => accept(itemId, { kind: "touchpoint", touchpointId: tp.id })).toThrow(/already/);
    undo.undo();
    expect(readJourneyMap(mapDoc).evidence).toHaveLength(0);
  });

  it("accepts as a new pain point, or onto an existing one; dismisses with a reason", () => {
    const { mapDoc, talk, ctx, tp, itemId, accept } = mapAndTalk();
    const made = accept(itemId, { kind: "newPainPoint", touchpointId: tp.id });
    expect(made.kind === "painPoint" && made.created).toBe(true);
    const map = readJourneyMap(mapDoc);
    const card = map.cardsByTouchpoint
      .get(tp.id)
      ?.find((c) => c.kind === "painPoint" && c.title.startsWith("I could not"));
    expect(card).toBeDefined();
    expect(map.evidenceByTarget.get(card?.id ?? "")).toHaveLength(1);

    const second = submitToInbox(talk, { ...QUOTE, text: "Same again" }, { via: "api" }, ctx);
    accept(second.itemId, { kind: "painPoint", cardId: card?.id ?? "" });
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

    const third = submitToInbox(talk, { ...QUOTE, text: "Spam" }, { via: "api" }, ctx);
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
    const { mapDoc, talk, ctx, tp, itemId, accept } = mapAndTalk();
    const mapB = copyOf(mapDoc);
    const talkB = copyOf(talk);
    accept(itemId, { kind: "newPainPoint", touchpointId: tp.id });
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

  it("records the decider's author id with the name, and a name alone without an id", () => {
    const { mapDoc, talk, ctx, tp, itemId } = mapAndTalk();
    const ed = { name: "Ed", id: "user_ed" };
    acceptInboxItem(mapDoc, talk, itemId, { kind: "touchpoint", touchpointId: tp.id }, ed, ctx);
    const decisionOf = (id: string) =>
      (talk.getMap(TALK_ROOT.inbox).get(id) as Y.Map<unknown>).get(ITEM.decision) as Record<
        string,
        unknown
      >;
    expect(decisionOf(itemId)).toMatchObject({ status: "accepted", by: "Ed", byId: "user_ed" });
    expect(readTalk(talk).inbox[0]?.decision).toMatchObject({ by: "Ed", byId: "user_ed" });

    const second = submitToInbox(talk, { ...QUOTE, text: "Spam" }, { via: "api" }, ctx);
    dismissItem(talk, second.itemId, ed, "spam", ctx);
    expect(decisionOf(second.itemId)).toMatchObject({ status: "dismissed", byId: "user_ed" });

    // Not yet told its identity (id ""), or by name: no byId, which the server then allows.
    const third = submitToInbox(talk, { ...QUOTE, text: "Later" }, { via: "api" }, ctx);
    dismissItem(talk, third.itemId, { name: "Ed", id: "" }, "dup", ctx);
    expect("byId" in decisionOf(third.itemId)).toBe(false);
    const fourth = submitToInbox(talk, { ...QUOTE, text: "Named" }, { via: "api" }, ctx);
    dismissItem(talk, fourth.itemId, "Ed", "dup", ctx);
    expect("byId" in decisionOf(fourth.itemId)).toBe(false);
    expect(
      readTalk(talk).inbox.find((i) => i.id === fourth.itemId)?.decision?.byId,
    ).toBeUndefined();
  });

  it("shortens a pain point's title at a word", () => {
    expect(titleFrom("short")).toBe("short");
    expect(titleFrom(`${"word ".repeat(30)}end`, 20)).toBe("word word word word…");
    expect(titleFrom("first line\nsecond")).toBe("first line");
  });
});
