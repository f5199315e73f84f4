/**
 * INV-VOTE: the `votes` root of a talk document is the server's alone. Editors and owners
 * write anywhere else in the talk document, so without sync/TalkGuard.ts refusing it their
 * browser could plant a fake vote or commit one; such updates close the connection before
 * they reach the live document, other clients or the log. Comments still pass.
 */
import {
  LOCAL_ORIGIN,
  readJourneyMap,
  readTalk,
  readVotes,
  startThread,
  VOTE_FIELD,
  VOTE_ROOT,
} from "@journeymap/schema";
import { CLOSE, mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connect, until } from "./support/clients.ts";
import { openAsGuest } from "./support/guests.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { startServer, tempDir, type TestServer } from "./support/server.ts";

const NETWORK = { timeout: 60_000 };
let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir: tempDir() });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

/** A talk connection as the web app makes it, and the close message the server sends it. */
async function talker(mapId: string, token: string, name: string, key: string) {
  const guest = await openAsGuest(server, talkDocumentName(mapId), token, name, key);
  clients.push(guest);
  const closed = new Promise<{ reason: string }>((resolve) =>
    guest.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event)),
  );
  return { ...guest, me: await guest.identity, closed };
}

/** Sends `forge` from a fresh connection and expects it refused, unapplied and unlogged. */
async function expectRefused(
  mapId: string,
  token: string,
  forge: (doc: Y.Doc) => void,
): Promise<void> {
  const name = talkDocumentName(mapId);
  const rowsBefore = await server.store.countUpdates(name);
  const live = server.hocuspocus.documents.get(name) as Y.Doc;
  const before = JSON.stringify(readVotes(live));
  const attacker = await talker(mapId, token, "Mallory", "d".repeat(48));
  forge(attacker.doc);
  expect((await attacker.closed).reason).toContain(CLOSE.writeRefused.reason);
  expect(attacker.provider.unsyncedChanges).toBeGreaterThan(0);
  expect(JSON.stringify(readVotes(live))).toBe(before);
  expect(await server.store.countUpdates(name)).toBe(rowsBefore);
  attacker.destroy();
}

describe("the votes area of the talk document", () => {
  it(
    "refuses an editor's fake vote and an owner's forged commit; comments still pass",
    NETWORK,
    async () => {
      const mapId = await createMap(server, { title: "Votes guard" });
      const editorLink = (await shareLink(server, mapId, ROLE.editor)).token;

      // An editor's comment is fine.
      const eddie = await talker(mapId, editorLink, "Eddie", "e".repeat(48));
      const { threadId } = startThread(
        eddie.doc,
        { kind: "phase", id: "phaseVotes" },
        { author: { name: eddie.me.name, id: eddie.me.id }, text: "Shall we vote?" },
        { origin: LOCAL_ORIGIN },
      );
      await eddie.confirmed();

      // No vote yet: a whole fake one, planted by an editor's browser.
      await expectRefused(mapId, editorLink, (doc) => {
        const fake = new Y.Map<unknown>();
        doc.getMap(VOTE_ROOT).set("fake", fake);
        fake.set(VOTE_FIELD.state, "committed");
      });

      // A real vote, started through the API; then an owner's browser commits it directly
      // (an overwrite of a field: the update names the vote's items, not the root).
      const viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
      const mapDoc = await connect(server, mapDocumentName(mapId), viewer);
      clients.push(mapDoc);
      const map = readJourneyMap(mapDoc.doc);
      const started = await fetch(`${server.url}/api/maps/${mapId}/votes`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${ownerToken(mapId)}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          target: { kind: "phase", id: map.phases[0]?.id },
          personaId: map.personas[0]?.id,
          mode: "hidden",
          name: "Olga",
        }),
      });
      expect(started.status).toBe(201);
      const { voteId } = (await started.json()) as { voteId: string };
      await until(eddie.doc, () => readVotes(eddie.doc).length === 1);
      await expectRefused(mapId, ownerToken(mapId), (doc) => {
        const vote = doc.getMap(VOTE_ROOT).get(voteId) as Y.Map<unknown>;
        vote.set(VOTE_FIELD.state, "committed");
      });
      await expectRefused(mapId, editorLink, (doc) => doc.getMap(VOTE_ROOT).delete(voteId));

      // The editor's next comment, on a document that now has votes, still passes.
      const again = await talker(mapId, editorLink, "Eddie", "e".repeat(48));
      startThread(
        again.doc,
        { kind: "phase", id: "phaseVotes" },
        { author: { name: again.me.name, id: again.me.id }, text: "Results?" },
        { origin: LOCAL_ORIGIN },
      );
      await again.confirmed();
      const fresh = await connect(server, talkDocumentName(mapId), ownerToken(mapId));
      clients.push(fresh);
      expect(readTalk(fresh.doc).threads.map((t) => t.id)).toContain(threadId);
      expect(readTalk(fresh.doc).threads).toHaveLength(2);
      expect(readVotes(fresh.doc).map((v) => v.state)).toEqual(["open"]);
    },
  );
});
