/**
 * Share links: role-scoped, per map, revocable; viewers are read-only on the server; presence
 * identity comes from the server and cannot be overwritten by another connection.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { API_ACTION, mapDocumentName, ROLE } from "@journeymap/protocol";
import { startServer, type TestServer } from "./support/server.ts";
import { apiLink, createMap, ownerToken, shareLink } from "./support/maps.ts";
import { type Client, connect, until } from "./support/clients.ts";
import { MESSAGE, RawClient } from "./support/RawClient.ts";
import { readAuthor } from "@journeymap/protocol";

let server: TestServer;
let mapId: string;
let otherMapId: string;
const clients: Client[] = [];

async function open(token: string, name = "Tester"): Promise<Client> {
  const c = await connect(server, mapDocumentName(mapId), token, name);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "Shared" });
  otherMapId = await createMap(server, { title: "Other" });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

describe("access", () => {
  it("refuses missing, forged and foreign tokens", async () => {
    const foreign = ownerToken(otherMapId);
    for (const token of ["", "jm1.e30.bad", foreign, `${ownerToken(mapId)}x`]) {
      await expect(connect(server, mapDocumentName(mapId), token)).rejects.toThrow(
        /authentication failed/,
      );
    }
    expect(server.hocuspocus.getDocumentsCount()).toBe(0);
  });

  it("lets editors write and keeps viewers read-only on the server", async () => {
    const editor = await open((await shareLink(server, mapId, ROLE.editor)).token, "Eddie");
    const viewer = await open((await shareLink(server, mapId, ROLE.viewer)).token, "Vera");
    expect(editor.provider.authorizedScope).toBe("read-write");
    expect(viewer.provider.authorizedScope).toBe("readonly");
    const rows = await server.store.countUpdates(mapDocumentName(mapId));

    // The viewer's own replica changes, but the server rejects the update.
    const phase = readJourneyMap(viewer.doc).phases[0]!;
    new MapEditor(viewer.doc).updatePhase(phase.id, { name: "Vandalised" });
    await until(viewer.doc, () => viewer.provider.unsyncedChanges > 0);
    // An editor's later edit arrives everywhere; the viewer's never does.
    new MapEditor(editor.doc).updateMeta({ title: "Edited by Eddie" });
    const watcher = await open(ownerToken(mapId), "Owner");
    await until(watcher.doc, () => readJourneyMap(watcher.doc).meta.title === "Edited by Eddie");
    expect(readJourneyMap(watcher.doc).phases[0]?.name).not.toBe("Vandalised");
    expect(readJourneyMap(editor.doc).phases[0]?.name).not.toBe("Vandalised");
    const logged = await server.store.readUpdates(mapDocumentName(mapId), rows + 1, rows + 100);
    // Logged as a guest (came by a link) under the name they gave.
    expect(logged.map((r) => readAuthor(r.author))).toEqual([
      { kind: "guest", id: expect.stringMatching(/^guest:/), name: "Eddie" },
    ]);
  });

  it("treats commenters as read-only on the map document", async () => {
    const commenter = await open((await shareLink(server, mapId, ROLE.commenter)).token);
    expect(commenter.provider.authorizedScope).toBe("readonly");
  });

  it("refuses API tokens on the live map", async () => {
    const token = await apiLink(server, mapId, [API_ACTION.evidenceWrite]);
    await expect(connect(server, mapDocumentName(mapId), token)).rejects.toThrow(
      /authentication failed/,
    );
  });

  it("lets only the owner manage links", async () => {
    const editor = (await shareLink(server, mapId, ROLE.editor)).token;
    const asEditor = await fetch(`${server.url}/api/maps/${mapId}/links`, {
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(asEditor.status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/maps/${mapId}/links`);
    expect(anonymous.status).toBe(401);
    const asOwner = await fetch(`${server.url}/api/maps/${mapId}/links`, {
      headers: { authorization: `Bearer ${ownerToken(mapId)}` },
    });
    expect(((await asOwner.json()) as { role: string }[]).map((l) => l.role)).toContain(
      ROLE.viewer,
    );
    const badRole = await fetch(`${server.url}/api/maps/${mapId}/links`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ownerToken(mapId)}` },
      body: JSON.stringify({ role: "admin" }),
    });
    expect(badRole.status).toBe(400);
  });

  it("B11: the owner names a link anew and copies its address again; editors may not", async () => {
    const { token, link } = await shareLink(server, mapId, ROLE.viewer);
    const call = (path: string, init: RequestInit, bearer = ownerToken(mapId)) =>
      fetch(`${server.url}/api/maps/${mapId}/links/${path}`, {
        ...init,
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      });
    const renamed = await call(link.id, {
      method: "PATCH",
      body: JSON.stringify({ label: "  Sales team link " }),
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { label: string }).label).toBe("Sales team link");

    const copied = await call(`${link.id}/token`, { method: "POST" });
    expect(copied.status).toBe(200);
    const again = ((await copied.json()) as { token: string }).token;
    // The same link: it opens the map read-only, and revoking the link revokes it too.
    const viewer = await open(again, "Copied");
    expect(viewer.provider.authorizedScope).toBe("readonly");
    expect(again).toBe(token);

    const editor = (await shareLink(server, mapId, ROLE.editor)).token;
    expect((await call(`${link.id}/token`, { method: "POST" }, editor)).status).toBe(403);
    const owner = (await shareLink(server, mapId, ROLE.owner)).link;
    expect((await call(`${owner.id}/token`, { method: "POST" })).status).toBe(404);
    await call(link.id, { method: "DELETE" });
    expect((await call(`${link.id}/token`, { method: "POST" })).status).toBe(404);
    expect((await call(link.id, { method: "PATCH", body: '{"label":"x"}' })).status).toBe(404);
  });

  it("revoking a link closes the connections that use it and refuses it afterwards", async () => {
    const { token, link } = await shareLink(server, mapId, ROLE.editor);
    const victim = await open(token, "Revoked");
    const closed = new Promise<void>((resolve) => victim.provider.on("close", () => resolve()));
    const res = await fetch(`${server.url}/api/maps/${mapId}/links/${link.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ownerToken(mapId)}` },
    });
    expect(res.status).toBe(204);
    await Promise.race([
      closed,
      until(victim.doc, () => victim.provider.isAuthenticated === false),
    ]);
    await expect(connect(server, mapDocumentName(mapId), token)).rejects.toThrow(
      /revoked|authentication failed/,
    );
  });

  it("sets presence identity on the server and binds it to the connection", async () => {
    const alice = await open(ownerToken(mapId), "Alice");
    const bob = await open(ownerToken(mapId), "Bob");
    alice.provider.awareness!.setLocalStateField("user", { name: "Not Alice", colour: "#000000" });
    alice.provider.awareness!.setLocalStateField("selection", "phase-1");
    const aliceId = alice.doc.clientID;
    await until(bob.doc, () => true);
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = bob.provider.awareness!.getStates().get(aliceId);
        if (state?.selection === "phase-1") resolve();
      };
      bob.provider.awareness!.on("change", check);
      check();
    });
    const seen = bob.provider.awareness!.getStates().get(aliceId) as {
      user: { name: string; colour: string };
    };
    expect(seen.user.name).toBe("Alice");
    expect(seen.user.colour).toMatch(/^#[0-9a-f]{6}$/);

    // Mallory replays an awareness update claiming Alice's client id: it is dropped.
    const mallory = await RawClient.open(server.wsUrl);
    await mallory.authenticate(mapDocumentName(mapId), ownerToken(mapId));
    const fake = new Awareness(new Y.Doc());
    fake.clientID = aliceId;
    fake.setLocalState({ user: { name: "Mallory" }, selection: "hijacked" });
    // A clock far ahead of Alice's, so peers would prefer Mallory's state if it got through.
    fake.meta.set(aliceId, { clock: 1_000_000, lastUpdated: Date.now() });
    mallory.send(
      mallory.frame(mapDocumentName(mapId), MESSAGE.awareness, (e) =>
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(fake, [aliceId])),
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(bob.provider.awareness!.getStates().get(aliceId)?.selection).toBe("phase-1");
    // Alice changes her selection; Bob sees Alice's value, never Mallory's.
    alice.provider.awareness!.setLocalStateField("selection", "phase-2");
    await new Promise<void>((resolve) => {
      const check = () => {
        if (bob.provider.awareness!.getStates().get(aliceId)?.selection === "phase-2") resolve();
      };
      bob.provider.awareness!.on("change", check);
      check();
    });
    expect(bob.provider.awareness!.getStates().get(aliceId)?.selection).not.toBe("hijacked");
    mallory.ws.terminate();
  });
});
