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
  resolveThread,
  startThread,
  submitToInbox,
} from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentNameOf, talkDocumentNameOf } from "../src/documentName.ts";
import {
  type Client,
  connect,
  createMap,
  ownerToken,
  removeDir,
  shareLink,
  startServer,
  type TestServer,
  tempDir,
  until,
} from "./helpers.ts";

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

beforeAll(async () => {
  server = await startServer(dataDir);
  mapId = await createMap(server, { title: "Talk" });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
  removeDir(dataDir);
});

describe("talk document", () => {
  it("a commenter's comment reaches the owner; their edit of the map is refused", async () => {
    const commenter = (await shareLink(server, mapId, "commenter")).token;
    const ownerTalk = await open(talkDocumentNameOf(mapId), ownerToken(mapId), "Olga");
    const cTalk = await open(talkDocumentNameOf(mapId), commenter, "Cleo");
    const cMap = await open(documentNameOf(mapId), commenter, "Cleo");
    expect(cTalk.provider.authorizedScope).toBe("read-write");
    expect(cMap.provider.authorizedScope).toBe("readonly");

    const tp = readJourneyMap(cMap.doc).touchpoints[0];
    if (!tp) throw new Error("no touchpoint");
    startThread(
      cTalk.doc,
      { kind: "touchpoint", id: tp.id },
      { author: "Cleo", text: "Customers say this step is confusing" },
      { origin: LOCAL_ORIGIN },
    );
    await until(ownerTalk.doc, () => readTalk(ownerTalk.doc).threads.length === 1);
    await cTalk.confirmed();

    // The commenter's client tries to rename the step anyway: the server refuses it.
    const rowsBefore = await server.store.countUpdates(mapId);
    new MapEditor(cMap.doc).updateTouchpoint(tp.id, { name: "Hacked" });
    await settle();
    expect(cMap.provider.unsyncedChanges).toBeGreaterThan(0);
    const ownerMap = await open(documentNameOf(mapId), ownerToken(mapId), "Olga");
    expect(readJourneyMap(ownerMap.doc).touchpoints[0]?.name).not.toBe("Hacked");
    expect(await server.store.countUpdates(mapId)).toBe(rowsBefore);
  });

  it("a commenter's client can comment but not triage or forge inbox items", async () => {
    const commenter = (await shareLink(server, mapId, "commenter")).token;
    const ownerTalk = await open(talkDocumentNameOf(mapId), ownerToken(mapId), "Olga");
    const { itemId } = submitToInbox(
      ownerTalk.doc,
      { kind: "ticket", text: "Charged twice", contributor: "Sam" },
      { via: "form" },
      { origin: LOCAL_ORIGIN },
    );
    await ownerTalk.confirmed();
    const cleo = await open(talkDocumentNameOf(mapId), commenter, "Cleo");
    await until(cleo.doc, () => readTalk(cleo.doc).inbox.length > 0);

    // Comments and resolving are what the role is for: accepted.
    const { threadId } = startThread(
      cleo.doc,
      { kind: "phase", id: "phaseCleo1" },
      { author: "Cleo", text: "Is this phase still current?" },
      { origin: LOCAL_ORIGIN },
    );
    resolveThread(cleo.doc, threadId, "Cleo", { origin: LOCAL_ORIGIN });
    await cleo.confirmed();
    await until(ownerTalk.doc, () =>
      readTalk(ownerTalk.doc).threads.some((t) => t.id === threadId && t.resolved !== null),
    );

    // Her browser dismisses the item and slips in one of its own, around the UI: refused.
    const rowsBefore = await server.store.countUpdates(`talk:${mapId}`);
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
    const fresh = await open(talkDocumentNameOf(mapId), ownerToken(mapId), "Olga");
    const inbox = readTalk(fresh.doc).inbox;
    expect(inbox.find((i) => i.id === itemId)?.status).toBe("new");
    expect(inbox.map((i) => i.text)).not.toContain("Forged");
    expect(readTalk(ownerTalk.doc).inbox.map((i) => i.status)).not.toContain("dismissed");
    expect(await server.store.countUpdates(`talk:${mapId}`)).toBe(rowsBefore);
  });

  it("viewers cannot write the talk document either", async () => {
    const viewer = (await shareLink(server, mapId, "viewer")).token;
    const vTalk = await open(talkDocumentNameOf(mapId), viewer, "Vera");
    expect(vTalk.provider.authorizedScope).toBe("readonly");
    const before = await server.store.countUpdates(`talk:${mapId}`);
    startThread(
      vTalk.doc,
      { kind: "phase", id: "somePhase1" },
      { author: "Vera", text: "sneaky" },
      { origin: LOCAL_ORIGIN },
    );
    await settle();
    const owner = await open(talkDocumentNameOf(mapId), ownerToken(mapId));
    expect(readTalk(owner.doc).threads.map((t) => t.comments[0]?.text)).not.toContain("sneaky");
    expect(await server.store.countUpdates(`talk:${mapId}`)).toBe(before);
  });

  it("contributor links open neither document", async () => {
    const contributor = (await shareLink(server, mapId, "contributor")).token;
    await expect(connect(server, documentNameOf(mapId), contributor)).rejects.toThrow(
      /authentication failed/,
    );
    await expect(connect(server, talkDocumentNameOf(mapId), contributor)).rejects.toThrow(
      /authentication failed/,
    );
  });

  it("is logged under its own key, never listed as a map, and survives a restart", async () => {
    expect(await server.store.countUpdates(`talk:${mapId}`)).toBeGreaterThan(0);
    expect((await server.store.listMaps()).map((m) => m.id)).toEqual([mapId]);
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startServer(dataDir);
    const again = await open(talkDocumentNameOf(mapId), ownerToken(mapId));
    expect(readTalk(again.doc).threads.map((t) => t.comments[0]?.text)).toContain(
      "Customers say this step is confusing",
    );
  });
});
