/** The evidence inbox: submissions from the form, the API and CSV, kept with who and when. */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { readTalk, submitToInbox } from "../../src/index.ts";
import { QUOTE, talkDoc } from "../support/talkDoc.ts";

describe("talk: evidence inbox", () => {
  it("keeps a submission with its contributor, source and time; trims text", () => {
    const { doc, ctx } = talkDoc();
    const { itemId, created } = submitToInbox(
      doc,
      { ...QUOTE, touchpointId: "tp1" },
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
    const first = submitToInbox(doc, QUOTE, { via: "api", idempotency: key }, ctx);
    const before = Y.encodeStateVector(doc);
    const again = submitToInbox(doc, QUOTE, { via: "api", idempotency: key }, ctx);
    expect(again).toEqual({ itemId: first.itemId, created: false });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // Another token's link may use the same key.
    const other = submitToInbox(
      doc,
      QUOTE,
      { via: "api", idempotency: { ...key, scope: "l2" } },
      ctx,
    );
    expect(other.created).toBe(true);
    expect(readTalk(doc).inbox).toHaveLength(2);
  });

  it("refuses bad submissions with a reason, writing nothing", () => {
    const { doc, ctx } = talkDoc();
    const bad = [
      { ...QUOTE, text: " " },
      { ...QUOTE, contributor: "" },
      { ...QUOTE, kind: "rumour" as never },
      { ...QUOTE, sentiment: 7 },
      { ...QUOTE, sentiment: 1.5 },
      { ...QUOTE, touchpointId: "../etc" },
    ];
    for (const input of bad)
      expect(() => submitToInbox(doc, input, { via: "api" }, ctx)).toThrow(RangeError);
    expect(() =>
      submitToInbox(doc, QUOTE, { via: "api", idempotency: { scope: "l", key: "" } }, ctx),
    ).toThrow(/Idempotency/);
    expect(readTalk(doc).inbox).toHaveLength(0);
  });
});
