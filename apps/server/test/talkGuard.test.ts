/**
 * The commenter's write check on the talk document (sync/TalkGuard.ts), on real Yjs
 * updates: comments pass, inbox writes are found however they arrive (new items, triage
 * decisions, deletions, an update split so its second half waits for the first).
 */
import { ROLE } from "@journeymap/protocol";
import {
  dismissItem,
  LOCAL_ORIGIN,
  readTalk,
  reopenItem,
  reopenThread,
  replyToThread,
  resolveThread,
  startThread,
  submitToInbox,
  TALK_ROOT,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { INCOMPLETE, rootsChangedBy, rootsTouchedBy } from "../src/sync/rootsTouched.ts";
import { disallowedRoots } from "../src/sync/TalkGuard.ts";
import { clientOf } from "./support/replicas.ts";

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
    { author: { name: "Olga", id: "" }, text: "Still current?" },
    CTX,
  );
  return { server, ...clientOf(server), itemId, threadId };
}

describe("talk guard", () => {
  it("lets a commenter start threads and reply", () => {
    const { server, edit, threadId } = pair();
    const update = edit((doc) => {
      startThread(
        doc,
        { kind: "touchpoint", id: "tp1" },
        { author: { name: "Cleo", id: "" }, text: "Hm" },
        CTX,
      );
      replyToThread(doc, threadId, { author: { name: "Cleo", id: "" }, text: "Yes" }, CTX);
    });
    expect([...rootsChangedBy(server, update)].sort()).toEqual(["comments", "threads"]);
    expect(disallowedRoots(server, update, ROLE.commenter)).toEqual([]);
  });

  it("finds triage decisions, forged items and deletions in the inbox", () => {
    const { server, edit, itemId } = pair();
    const dismiss = edit((doc) => dismissItem(doc, itemId, "Cleo", "spam", CTX));
    expect(disallowedRoots(server, dismiss, ROLE.commenter)).toEqual([TALK_ROOT.inbox]);
    // Editors and owners triage: nothing is refused for them.
    expect(disallowedRoots(server, dismiss, ROLE.editor)).toEqual([]);
    Y.applyUpdate(server, dismiss); // as if an editor had sent it: the next one follows on
    const forged = edit((doc) =>
      submitToInbox(doc, { kind: "quote", text: "x", contributor: "y" }, { via: "api" }, CTX),
    );
    expect(disallowedRoots(server, forged, ROLE.commenter)).toEqual([TALK_ROOT.inbox]);
    Y.applyUpdate(server, forged);
    const removed = edit((doc) => doc.getMap(TALK_ROOT.inbox).delete(itemId));
    expect(disallowedRoots(server, removed, ROLE.commenter)).toEqual([TALK_ROOT.inbox]);
  });

  it("refuses an update sent ahead of the one it depends on, and catches it when released", () => {
    const { server, edit } = pair();
    const comment = edit((doc) =>
      startThread(
        doc,
        { kind: "phase", id: "phase1" },
        { author: { name: "Cleo", id: "" }, text: "Hi" },
        CTX,
      ),
    );
    const forged = edit((doc) =>
      submitToInbox(doc, { kind: "quote", text: "x", contributor: "y" }, { via: "api" }, CTX),
    );
    // Alone it cannot be integrated (same client, later clock): its effect is unknown.
    expect(disallowedRoots(server, forged, ROLE.commenter)).toContain(INCOMPLETE);
    expect([...rootsChangedBy(server, forged)]).toEqual([INCOMPLETE]);
    // Had it got in (say, from before this check), the comment that releases it is refused.
    Y.applyUpdate(server, forged);
    expect(server.store.pendingStructs).not.toBeNull();
    expect(disallowedRoots(server, comment, ROLE.commenter)).toContain(TALK_ROOT.inbox);
  });

  it("reads the same roots from the update as a trial on a copy, over random edits", () => {
    const seed = Number(process.env.GUARD_SEED ?? Date.now() % 1_000_000);
    let state = seed;
    const random = () => {
      // mulberry32: small, seeded, good enough to pick operations.
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const server = new Y.Doc();
    const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const queued = clients.map(() => [] as Uint8Array[]);
    clients.forEach((c, i) => {
      c.on("update", (u: Uint8Array, origin: unknown) => {
        if (origin !== "sync") queued[i]?.push(u);
      });
    });
    const ops: Array<(doc: Y.Doc) => void> = [
      (doc) =>
        startThread(
          doc,
          { kind: "phase", id: "phase1" },
          { author: { name: "A", id: "" }, text: "t" },
          CTX,
        ),
      (doc) => {
        const t = pick(readTalk(doc).threads);
        if (t) replyToThread(doc, t.id, { author: { name: "B", id: "" }, text: "r" }, CTX);
      },
      (doc) => {
        const t = pick(readTalk(doc).threads);
        if (t) resolveThread(doc, t.id, { name: "B", id: "" }, CTX);
      },
      (doc) => {
        const t = pick(readTalk(doc).threads);
        if (t) reopenThread(doc, t.id, CTX);
      },
      (doc) =>
        submitToInbox(doc, { kind: "quote", text: "q", contributor: "Z" }, { via: "api" }, CTX),
      (doc) => {
        const i = pick(readTalk(doc).inbox);
        if (i) dismissItem(doc, i.id, "Ed", "dup", CTX);
      },
      (doc) => {
        const i = pick(readTalk(doc).inbox);
        if (i) reopenItem(doc, i.id, CTX);
      },
      (doc) => {
        const key = pick([...doc.getMap(TALK_ROOT.threads).keys()]);
        if (key) doc.getMap(TALK_ROOT.threads).delete(key);
      },
      (doc) => {
        const key = pick([...doc.getMap(TALK_ROOT.inbox).keys()]);
        if (key) doc.getMap(TALK_ROOT.inbox).delete(key);
      },
    ];
    let checked = 0;
    let same = 0;
    for (let step = 0; step < 600; step++) {
      const i = Math.floor(random() * clients.length);
      const client = clients[i] as Y.Doc;
      if (random() < 0.6) {
        pick(ops)?.(client);
        continue;
      }
      // Deliver: one queued update (maybe out of order), or all the server lacks (sync step 2).
      const queue = queued[i] as Uint8Array[];
      let update: Uint8Array;
      if (random() < 0.5 && queue.length > 0) {
        const at = random() < 0.8 ? 0 : Math.floor(random() * queue.length);
        update = queue.splice(at, 1)[0] as Uint8Array;
      } else {
        update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
        queue.length = 0;
      }
      const trial = rootsChangedBy(server, update);
      const read = rootsTouchedBy(server, update);
      const missed = [...trial].filter((r) => !read.has(r));
      expect(missed, `seed ${seed}, step ${step}`).toEqual([]);
      checked += 1;
      if (trial.size === read.size) same += 1;
      Y.applyUpdate(server, update);
      // Now and then everyone catches up with the server (as providers do).
      if (random() < 0.2)
        for (const c of clients)
          Y.applyUpdate(c, Y.encodeStateAsUpdate(server, Y.encodeStateVector(c)), "sync");
    }
    expect(checked).toBeGreaterThan(100);
    // Reading the update is never stricter than it needs to be in the common case.
    expect(same / checked, `seed ${seed}`).toBeGreaterThan(0.9);
  });
});
