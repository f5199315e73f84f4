/**
 * The commenter's write check on the talk document (contrib/talkGuard.ts), on real Yjs
 * updates: comments pass, inbox writes are found however they arrive (new items, triage
 * decisions, deletions, an update split so its second half waits for the first).
 */
import {
  dismissItem,
  LOCAL_ORIGIN,
  replyToThread,
  startThread,
  submitToInbox,
  TALK_ROOT,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { disallowedRoots, INCOMPLETE, rootsChangedBy } from "../src/contrib/talkGuard.ts";

const CTX = { origin: LOCAL_ORIGIN };

/** A server document and a client in sync with it; `edit` returns the client's update. */
function pair() {
  const server = new Y.Doc();
  const { itemId } = submitToInbox(
    server,
    { kind: "ticket", text: "Charged twice", contributor: "Sam" },
    { via: "form" },
    CTX,
  );
  const { threadId } = startThread(
    server,
    { kind: "phase", id: "phase1" },
    { author: "Olga", text: "Still current?" },
    CTX,
  );
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edit = (fn: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    fn(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, edit, itemId, threadId };
}

describe("talk guard", () => {
  it("lets a commenter start threads and reply", () => {
    const { server, edit, threadId } = pair();
    const update = edit((doc) => {
      startThread(doc, { kind: "touchpoint", id: "tp1" }, { author: "Cleo", text: "Hm" }, CTX);
      replyToThread(doc, threadId, { author: "Cleo", text: "Yes" }, CTX);
    });
    expect([...rootsChangedBy(server, update)].sort()).toEqual(["comments", "threads"]);
    expect(disallowedRoots(server, update, "commenter")).toEqual([]);
  });

  it("finds triage decisions, forged items and deletions in the inbox", () => {
    const { server, edit, itemId } = pair();
    const dismiss = edit((doc) => dismissItem(doc, itemId, "Cleo", "spam", CTX));
    expect(disallowedRoots(server, dismiss, "commenter")).toEqual([TALK_ROOT.inbox]);
    // Editors and owners triage: nothing is refused for them.
    expect(disallowedRoots(server, dismiss, "editor")).toEqual([]);
    Y.applyUpdate(server, dismiss); // as if an editor had sent it: the next one follows on
    const forged = edit((doc) =>
      submitToInbox(doc, { kind: "quote", text: "x", contributor: "y" }, { via: "api" }, CTX),
    );
    expect(disallowedRoots(server, forged, "commenter")).toEqual([TALK_ROOT.inbox]);
    Y.applyUpdate(server, forged);
    const removed = edit((doc) => doc.getMap(TALK_ROOT.inbox).delete(itemId));
    expect(disallowedRoots(server, removed, "commenter")).toEqual([TALK_ROOT.inbox]);
  });

  it("refuses an update sent ahead of the one it depends on, and catches it when released", () => {
    const { server, edit } = pair();
    const comment = edit((doc) =>
      startThread(doc, { kind: "phase", id: "phase1" }, { author: "Cleo", text: "Hi" }, CTX),
    );
    const forged = edit((doc) =>
      submitToInbox(doc, { kind: "quote", text: "x", contributor: "y" }, { via: "api" }, CTX),
    );
    // Alone it cannot be integrated (same client, later clock): its effect is unknown.
    expect(disallowedRoots(server, forged, "commenter")).toEqual([INCOMPLETE]);
    // Had it got in (say, from before this check), the comment that releases it is refused.
    Y.applyUpdate(server, forged);
    expect(server.store.pendingStructs).not.toBeNull();
    expect(disallowedRoots(server, comment, "commenter")).toContain(TALK_ROOT.inbox);
  });
});
