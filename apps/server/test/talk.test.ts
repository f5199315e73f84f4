/**
 * The talk document (`talk:<mapId>`: comments and the evidence inbox) over real providers:
 * commenters write comments but cannot change the map; viewers can write neither; contributor
 * links open no document; the talk document is logged and survives a restart.
 */
import {
  dismissItem,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  readTalk,
  replyToThread,
  resolveThread,
  startThread,
  submitToInbox,
} from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { DOCUMENT_PREFIX, mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, tempDir, type TestServer } from "./support/server.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";
import { openAsGuest } from "./support/guests.ts";

let server: TestServer;
let mapId: string;
const dataDir = tempDir();
const clients: Client[] = [];

async function open(name: string, token: string, who = "Tester"): Promise<Client> {
  const c = await connect(server, name, token, who);
  clients.push(c);
  return c;
}

const settle = () => new Promise((r) => setTimeout(r, 150));

interface Person extends Client {
  /** The identity the server gave this connection (its first stateless message). */
  readonly me: { name: string; id: string };
}

/** A talk connection from a browser holding `browserKey`, as the web app makes it. */
async function person(token: string, name: string, browserKey: string): Promise<Person> {
  const guest = await openAsGuest(server, talkDocumentName(mapId), token, name, browserKey);
  clients.push(guest);
  const { name: told, id } = await guest.identity;
  return { ...guest, me: { name: told, id } };
}

const commentMap = (doc: Y.Doc, id: string) =>
  doc.getMap("comments").get(id) as Y.Map<unknown> | undefined;

beforeAll(async () => {
  server = await startServer({ dataDir });
  mapId = await createMap(server, { title: "Talk" });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

describe("talk document", () => {
  // One block: its tests share the file's server and map, whose start-up costs seconds on CI;
  // each test is a scenario of its own.
  it("a commenter's comment reaches the owner; their edit of the map is refused", async () => {
    const commenter = (await shareLink(server, mapId, ROLE.commenter)).token;
    const ownerTalk = await open(talkDocumentName(mapId), ownerToken(mapId), "Olga");
    const cTalk = await person(commenter, "Cleo", "e".repeat(48));
    const cMap = await open(mapDocumentName(mapId), commenter, "Cleo");
    expect(cTalk.provider.authorizedScope).toBe("read-write");
    expect(cMap.provider.authorizedScope).toBe("readonly");

    const tp = readJourneyMap(cMap.doc).touchpoints[0];
    if (!tp) throw new Error("no touchpoint");
    startThread(
      cTalk.doc,
      { kind: "touchpoint", id: tp.id },
      { author: cTalk.me, text: "Customers say this step is confusing" },
      { origin: LOCAL_ORIGIN },
    );
    await until(ownerTalk.doc, () => readTalk(ownerTalk.doc).threads.length === 1);
    await cTalk.confirmed();

    // The commenter's client tries to rename the step anyway: the server refuses it.
    const rowsBefore = await server.store.countUpdates(mapDocumentName(mapId));
    new MapEditor(cMap.doc).updateTouchpoint(tp.id, { name: "Hacked" });
    await settle();
    expect(cMap.provider.unsyncedChanges).toBeGreaterThan(0);
    const ownerMap = await open(mapDocumentName(mapId), ownerToken(mapId), "Olga");
    expect(readJourneyMap(ownerMap.doc).touchpoints[0]?.name).not.toBe("Hacked");
    expect(await server.store.countUpdates(mapDocumentName(mapId))).toBe(rowsBefore);
  });

  it("a commenter's client can comment but not triage or forge inbox items", async () => {
    const commenter = (await shareLink(server, mapId, ROLE.commenter)).token;
    const ownerTalk = await open(talkDocumentName(mapId), ownerToken(mapId), "Olga");
    const { itemId } = submitToInbox(
      ownerTalk.doc,
      { kind: "ticket", text: "Charged twice", contributor: "Sam" },
      { via: "form" },
      { origin: LOCAL_ORIGIN },
    );
    await ownerTalk.confirmed();
    const cleo = await person(commenter, "Cleo", "f".repeat(48));
    await until(cleo.doc, () => readTalk(cleo.doc).inbox.length > 0);

    // Comments are what the role is for: accepted.
    const { threadId } = startThread(
      cleo.doc,
      { kind: "phase", id: "phaseCleo1" },
      { author: cleo.me, text: "Is this phase still current?" },
      { origin: LOCAL_ORIGIN },
    );
    await cleo.confirmed();
    await until(ownerTalk.doc, () =>
      readTalk(ownerTalk.doc).threads.some((t) => t.id === threadId),
    );

    // Her browser dismisses the item and slips in one of its own, around the UI: refused.
    const rowsBefore = await server.store.countUpdates(talkDocumentName(mapId));
    dismissItem(cleo.doc, itemId, "Cleo", "spam", { origin: LOCAL_ORIGIN });
    submitToInbox(
      cleo.doc,
      { kind: "quote", text: "Forged", contributor: "Nobody" },
      { via: "api" },
      { origin: LOCAL_ORIGIN },
    );
    await settle();
    await settle();
    expect(cleo.provider.unsyncedChanges).toBeGreaterThan(0);
    const fresh = await open(talkDocumentName(mapId), ownerToken(mapId), "Olga");
    const inbox = readTalk(fresh.doc).inbox;
    expect(inbox.find((i) => i.id === itemId)?.status).toBe("new");
    expect(inbox.map((i) => i.text)).not.toContain("Forged");
    expect(readTalk(ownerTalk.doc).inbox.map((i) => i.status)).not.toContain("dismissed");
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBe(rowsBefore);
  });

  it("H15: each connection on a shared commenter link gets its own identity from the server", async () => {
    const link = (await shareLink(server, mapId, ROLE.commenter)).token;
    const alice = await person(link, "Alice", "a".repeat(48));
    const again = await person(link, "Alice", "a".repeat(48));
    const other = await person(link, "Alice", "b".repeat(48));
    expect(alice.me.name).toBe("Alice");
    // A guest (no account): a server-made id that can never be an account's.
    expect(alice.me.id).toMatch(/^guest:[\w-]{16,}$/);
    // The same browser is the same person; another browser with the same name is not.
    expect(again.me.id).toBe(alice.me.id);
    expect(other.me.id).not.toBe(alice.me.id);
  }, 60_000);

  it("H15: a commenter cannot rewrite, delete, impersonate or resolve on someone else's behalf", {
    timeout: 60_000,
  }, async () => {
    const canary = await startCanary(server);
    const link = (await shareLink(server, mapId, ROLE.commenter)).token;
    const alice = await person(link, "Alice", "c".repeat(48));
    const { threadId, commentId } = startThread(
      alice.doc,
      { kind: "phase", id: "phaseH15a" },
      { author: alice.me, text: "Alice's point" },
      { origin: LOCAL_ORIGIN },
    );
    await alice.confirmed();
    // Alice may edit her own comment.
    commentMap(alice.doc, commentId)?.set("text", "Alice's point, edited");
    await alice.confirmed();

    const owner = await person(ownerToken(mapId), "Olga", "e".repeat(48));
    await until(owner.doc, () =>
      readTalk(owner.doc).threads.some(
        (t) => t.id === threadId && t.comments[0]?.text === "Alice's point, edited",
      ),
    );
    const rowsBefore = await server.store.countUpdates(talkDocumentName(mapId));

    // Mallory holds the same link; each attack comes on a fresh connection of hers.
    const attacks: Array<(doc: Y.Doc, me: { name: string; id: string }) => void> = [
      (doc) => commentMap(doc, commentId)?.set("text", "Alice agrees with Mallory"),
      (doc) => doc.getMap("comments").delete(commentId),
      (doc) => commentMap(doc, commentId)?.set("authorId", "mallory"),
      (doc) =>
        replyToThread(
          doc,
          threadId,
          { author: alice.me, text: "I, Alice, take it back" },
          { origin: LOCAL_ORIGIN },
        ),
      (doc, me) =>
        replyToThread(
          doc,
          threadId,
          { author: { name: "Alice", id: me.id }, text: "Alice (really Mallory)" },
          { origin: LOCAL_ORIGIN },
        ),
      (doc, me) => resolveThread(doc, threadId, me, { origin: LOCAL_ORIGIN }),
      (doc) => (doc.getMap("threads").get(threadId) as Y.Map<unknown>).set("author", "Mallory"),
      (doc) => doc.getMap("threads").delete(threadId),
    ];
    for (const [i, attack] of attacks.entries()) {
      const mallory = await person(link, "Mallory", "d".repeat(48));
      attack(mallory.doc, mallory.me);
      await settle();
      await settle();
      // Refused: the server never confirms the change.
      expect([i, mallory.provider.unsyncedChanges > 0]).toEqual([i, true]);
      mallory.destroy();
    }

    const fresh = await open(talkDocumentName(mapId), ownerToken(mapId), "Olga");
    const thread = readTalk(fresh.doc).threads.find((t) => t.id === threadId);
    expect(thread?.resolved).toBeNull();
    expect(thread?.comments.map((c) => [c.author, c.authorId, c.text])).toEqual([
      ["Alice", alice.me.id, "Alice's point, edited"],
    ]);
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBe(rowsBefore);

    // A commenter's own reply (which reopens) is fine; editors and owners resolve.
    const mallory = await person(link, "Mallory", "d".repeat(48));
    replyToThread(
      mallory.doc,
      threadId,
      { author: mallory.me, text: "My own view" },
      { origin: LOCAL_ORIGIN },
    );
    await mallory.confirmed();
    resolveThread(owner.doc, threadId, owner.me, { origin: LOCAL_ORIGIN });
    await owner.confirmed();
    await until(alice.doc, () => readTalk(alice.doc).threads[0]?.resolved?.by === "Olga");
    expect(readTalk(alice.doc).threads.find((t) => t.id === threadId)?.comments).toHaveLength(2);
    expectCanaryHealthy(await canary.stop());
  });

  it("viewers cannot write the talk document either", async () => {
    const viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
    const vTalk = await open(talkDocumentName(mapId), viewer, "Vera");
    expect(vTalk.provider.authorizedScope).toBe("readonly");
    const before = await server.store.countUpdates(talkDocumentName(mapId));
    startThread(
      vTalk.doc,
      { kind: "phase", id: "somePhase1" },
      { author: { name: "Vera", id: "" }, text: "sneaky" },
      { origin: LOCAL_ORIGIN },
    );
    await settle();
    const owner = await open(talkDocumentName(mapId), ownerToken(mapId));
    expect(readTalk(owner.doc).threads.map((t) => t.comments[0]?.text)).not.toContain("sneaky");
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBe(before);
  });

  it("contributor links open neither document", async () => {
    const contributor = (await shareLink(server, mapId, ROLE.contributor)).token;
    await expect(connect(server, mapDocumentName(mapId), contributor)).rejects.toThrow(
      /authentication failed/,
    );
    await expect(connect(server, talkDocumentName(mapId), contributor)).rejects.toThrow(
      /authentication failed/,
    );
  });

  it("is logged under its own key, never listed as a map, and survives a restart", async () => {
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBeGreaterThan(0);
    // The maps are this one and the H15 canary's: no `talk:` entry among them.
    const listed = (await server.store.listMaps()).map((m) => m.id);
    expect(listed).toContain(mapId);
    expect(listed.filter((id) => id.includes(mapId))).toEqual([mapId]);
    expect(listed.some((id) => id.startsWith(DOCUMENT_PREFIX.talk))).toBe(false);
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startServer({ dataDir });
    const again = await open(talkDocumentName(mapId), ownerToken(mapId));
    expect(readTalk(again.doc).threads.map((t) => t.comments[0]?.text)).toContain(
      "Customers say this step is confusing",
    );
  });
});
