/**
 * Signed-in people in sync, over real providers: a workspace map opens by the session cookie
 * on the upgrade (no token), and the server stamps the account on everything recorded
 * (presence, the log, history, comments); a guest by link stays a guest, whatever name they
 * type; a cookie is worth nothing on an upgrade from another site; and a person's live access
 * follows their workspace: removed, their board closes within a second; lowered, it reopens
 * with the new role.
 */
import {
  mapDocumentName,
  readAuthor,
  ROLE,
  talkDocumentName,
  WORKSPACE_ROLE,
  type WorkspaceRole,
} from "@journeymap/protocol";
import type { Timeline, Version } from "@journeymap/protocol/http";
import { LOCAL_ORIGIN, MapEditor, readJourneyMap, readTalk, startThread } from "@journeymap/schema";
import { connectProvider } from "@journeymap/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type Client, until } from "./support/clients.ts";
import { type Guest, openAsGuest } from "./support/guests.ts";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  type Person,
  signUp,
} from "./support/people.ts";
import { expectClosedBy } from "./support/liveAccess.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let ana: Person;
let workspaceId: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ env: PEOPLE_ENV });
  ana = await signUp(server, "Ana");
  workspaceId = await createWorkspace(ana, "Acme");
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
});

/** Someone new in Ana's workspace, with a role in it. */
async function joined(name: string, role: WorkspaceRole = WORKSPACE_ROLE.member): Promise<Person> {
  const person = await signUp(server, name);
  await join(ana, workspaceId, person, role);
  return person;
}

async function open(person: Person, documentName: string): Promise<Client> {
  const client = await connectAs(server, person, documentName);
  clients.push(client);
  return client;
}

/** A link's holder with no account (the same browser each time). */
async function guest(documentName: string, token: string, name: string): Promise<Guest> {
  const client = await openAsGuest(server, documentName, token, name, "k".repeat(40));
  clients.push(client);
  return client;
}

/** Starts a comment thread on a phase, as `author` says. */
function commentOn(client: Client, phaseId: string, author: { name: string; id: string }): void {
  const text = `By ${author.name}`;
  startThread(
    client.doc,
    { kind: "phase", id: phaseId },
    { author, text },
    { origin: LOCAL_ORIGIN },
  );
}

/** Runs `write`, which the server must refuse: it closes the document, confirming nothing. */
async function refused(client: Client, write: () => void): Promise<void> {
  const closed = new Promise((resolve) => client.provider.on("close", resolve));
  write();
  await closed;
  expect(client.provider.unsyncedChanges).toBeGreaterThan(0);
}

/** The presence `user` another client sees for `of`. */
async function presenceSeen(observer: Client, of: Client): Promise<Record<string, unknown>> {
  of.provider.awareness!.setLocalStateField("selection", `mark-${of.doc.clientID}`);
  return new Promise((resolve) => {
    const check = () => {
      const state = observer.provider.awareness!.getStates().get(of.doc.clientID);
      if (state?.selection === `mark-${of.doc.clientID}`) resolve(state.user);
    };
    observer.provider.awareness!.on("change", check);
    check();
  });
}

describe("signed-in people in sync", () => {
  it("open a workspace map by their session, and are stamped as their account everywhere", async () => {
    const bob = await joined("Bob");
    const map = await createMapIn(ana, "Stamped", workspaceId);
    const anaMap = await open(ana, mapDocumentName(map.id));
    const bobMap = await open(bob, mapDocumentName(map.id));
    expect(bobMap.provider.authorizedScope).toBe("read-write");

    // Presence: the account's id, name and colour, whatever the client claims.
    anaMap.provider.awareness!.setLocalStateField("user", { name: "Not Ana", id: bob.id });
    const seen = await presenceSeen(bobMap, anaMap);
    expect(seen).toMatchObject({ id: ana.id, name: "Ana", guest: false, role: ROLE.owner });
    expect(seen.colour).toMatch(/^#[0-9a-f]{6}$/);

    // The log records the account; history names it.
    const phase = readJourneyMap(bobMap.doc).phases[0]!;
    new MapEditor(bobMap.doc).updatePhase(phase.id, { name: "Renamed by Bob" });
    await bobMap.confirmed();
    const total = await server.store.countUpdates(mapDocumentName(map.id));
    const [last] = await server.store.readUpdates(mapDocumentName(map.id), total, total);
    expect(last?.author).toBe(bob.id);
    const timeline = await ana.call<Timeline>("GET", `/api/maps/${map.id}/timeline`);
    expect(timeline.body.bursts.at(-1)).toMatchObject({
      author: "Bob",
      authorId: bob.id,
      guest: false,
    });

    // Comments: written as the account, or refused.
    const talk = await open(bob, talkDocumentName(map.id));
    commentOn(talk, phase.id, { name: "Bob", id: bob.id });
    await talk.confirmed();
    const forger = await open(bob, talkDocumentName(map.id));
    await refused(forger, () => commentOn(forger, phase.id, { name: "Ana", id: ana.id }));
    const anaTalk = await open(ana, talkDocumentName(map.id));
    await until(anaTalk.doc, () => readTalk(anaTalk.doc).threads.length > 0);
    expect(readTalk(anaTalk.doc).threads.map((t) => t.comments[0]?.authorId)).toEqual([bob.id]);
  });

  it("keep a guest by link a guest, even one who types an account's name", async () => {
    const map = await createMapIn(ana, "Guests", workspaceId);
    const link = await ana.call<{ token: string }>("POST", `/api/maps/${map.id}/links`, {
      role: ROLE.editor,
    });
    expect(link.status).toBe(201);
    const anaMap = await open(ana, mapDocumentName(map.id));
    const posing = await guest(mapDocumentName(map.id), link.body.token, "Ana");
    const seen = await presenceSeen(anaMap, posing);
    expect(seen).toMatchObject({ name: "Ana", guest: true });
    expect(seen.id).toMatch(/^guest:/);

    // The guest's edit is logged as theirs, and history shows a guest called Ana, not Ana.
    new MapEditor(posing.doc).updateMeta({ title: "By the guest" });
    await posing.confirmed();
    const total = await server.store.countUpdates(mapDocumentName(map.id));
    const [row] = await server.store.readUpdates(mapDocumentName(map.id), total, total);
    expect(readAuthor(row!.author)).toEqual({ kind: "guest", id: seen.id, name: "Ana" });
    const timeline = await ana.call<Timeline>("GET", `/api/maps/${map.id}/timeline`);
    expect(timeline.body.bursts.at(-1)).toMatchObject({
      author: "Ana",
      authorId: seen.id,
      guest: true,
    });

    // In comments the guest is told their guest id, and cannot write as Ana's account.
    const phase = readJourneyMap(posing.doc).phases[0]!;
    const talk = await guest(talkDocumentName(map.id), link.body.token, "Ana");
    expect(await talk.identity).toEqual({ name: "Ana", id: seen.id, guest: true });
    await refused(talk, () => commentOn(talk, phase.id, { name: "Ana", id: ana.id }));
    const anaTalk = await open(ana, talkDocumentName(map.id));
    expect(readTalk(anaTalk.doc).threads).toEqual([]);
  });

  it("name versions as themselves; a link's holder cannot claim an account for one", async () => {
    const map = await createMapIn(ana, "Versions", workspaceId);
    const versions = `/api/maps/${map.id}/versions`;
    const mine = await ana.call<Version>("POST", versions, { name: "Mine", by: "Someone else" });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ createdBy: "Ana", createdById: ana.id });
    const link = await ana.call<{ token: string }>("POST", `/api/maps/${map.id}/links`, {
      role: ROLE.editor,
    });
    const claimed = await fetch(`${server.url}${versions}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${link.body.token}`,
      },
      body: JSON.stringify({ name: "Not Ana's", by: ana.id }),
    });
    expect(claimed.status).toBe(201);
    const listed = (await ana.call<Version[]>("GET", versions)).body;
    const byGuest = listed.find((v) => v.name === "Not Ana's")!;
    expect(byGuest.createdBy).toBe(ana.id);
    expect(readAuthor(byGuest.createdById ?? "")).toMatchObject({ kind: "guest", name: ana.id });
  });

  it("contribute evidence to the inbox as themselves, by their session", async () => {
    const map = await createMapIn(ana, "Inbox", workspaceId);
    const inbox = `/api/maps/${map.id}/inbox`;
    const sent = await ana.call("POST", inbox, {
      text: "Pricing page confuses",
      contributor: "Bob",
    });
    expect(sent.status).toBe(201);
    const items = await ana.call<{ contributor: string; text: string }[]>("GET", inbox);
    expect(items.body.map((i) => [i.contributor, i.text])).toEqual([
      ["Ana", "Pricing page confuses"],
    ]);
  });

  it("are not signed in on an upgrade from another site, whatever cookie it carries", async () => {
    const map = await createMapIn(ana, "Hijack", workspaceId);
    class FromElsewhere extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: ana.cookie, origin: "http://evil.example" } });
      }
    }
    await expect(
      connectProvider({
        wsUrl: server.wsUrl,
        name: mapDocumentName(map.id),
        token: "",
        webSocket: FromElsewhere,
      }),
    ).rejects.toThrow(/authentication failed/);
  });
});

describe("live access follows the workspace", () => {
  it("closes a removed member's board within a second, and refuses it afterwards", async () => {
    const cy = await joined("Cy");
    const map = await createMapIn(ana, "Removal", workspaceId);
    const board = await open(cy, mapDocumentName(map.id));
    const refused = new Promise<void>((resolve) =>
      board.provider.on("authenticationFailed", () => resolve()),
    );
    await expectClosedBy(board, "accessRemoved", () =>
      ana.call("POST", "/api/auth/organization/remove-member", {
        memberIdOrEmail: cy.email,
        organizationId: workspaceId,
      }),
    );
    await refused;
    await expect(connectAs(server, cy, mapDocumentName(map.id))).rejects.toThrow(
      /authentication failed/,
    );
  });

  it("reopens a lowered person's board with their new role", async () => {
    const dan = await joined("Dan", WORKSPACE_ROLE.admin);
    const map = await createMapIn(ana, "Demotion", workspaceId);
    const board = await open(dan, mapDocumentName(map.id));
    const members = await ana.call<{ members: { id: string; userId: string }[] }>(
      "GET",
      `/api/auth/organization/list-members?organizationId=${workspaceId}`,
    );
    const member = members.body.members.find((m) => m.userId === dan.id)!;
    await expectClosedBy(board, "roleChanged", () =>
      ana.call("POST", "/api/auth/organization/update-member-role", {
        memberId: member.id,
        role: WORKSPACE_ROLE.member,
        organizationId: workspaceId,
      }),
    );
    // The provider reconnects by itself and is let in as a member: an editor, no longer owner.
    const scope = await new Promise<string>((resolve) =>
      board.provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope)),
    );
    expect(scope).toBe("read-write");
    const anaMap = await open(ana, mapDocumentName(map.id));
    expect(await presenceSeen(anaMap, board)).toMatchObject({ id: dan.id, role: ROLE.editor });
  });
});
