/**
 * Maps in workspaces over HTTP, against a real server with real accounts: the list (search,
 * sort, who edited last), creating in a workspace, the trash (restorable, purged 30 days later),
 * duplicating, moving (shares with people outside the new workspace go), claiming a map made
 * before accounts, sharing with members and by email invitation, workspace settings (default
 * role, guest links off), and links managed by a signed-in owner. Live connections of people
 * who lose access close.
 */
import { mapDocumentName, ROLE, WORKSPACE_ROLE } from "@journeymap/protocol";
import type {
  CreateLinkBody,
  IssuedLink,
  MapSharing,
  MovedMap,
  SharedMap,
  WorkspaceMap,
} from "@journeymap/protocol/http";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { purgeTrash, TRASH_KEEP_MS } from "@journeymap/storage";
import { describe, expect, it } from "vitest";
import { type Client, connect } from "./support/clients.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import {
  connectAs,
  createMapIn,
  createWorkspace,
  join,
  PEOPLE_ENV,
  type Person,
  signUp,
} from "./support/people.ts";
import { serverForTest, type TestServer } from "./support/server.ts";

/** Starting a server and signing people up (argon2id) takes a while on a loaded machine. */
const TIMEOUT_MS = 120_000;

/**
 * A server and a team: Ana administers Acme and Beta; Bob is a member of both; Cy is a guest in
 * Acme; Dee is in no workspace.
 */
async function team() {
  const server = await serverForTest({ env: PEOPLE_ENV });
  const ana = await signUp(server, "Ana");
  const acme = await createWorkspace(ana, "Acme");
  const beta = await createWorkspace(ana, "Beta");
  const bob = await signUp(server, "Bob");
  await join(ana, acme, bob, WORKSPACE_ROLE.member);
  await join(ana, beta, bob, WORKSPACE_ROLE.member);
  const cy = await signUp(server, "Cy");
  await join(ana, acme, cy, WORKSPACE_ROLE.guest);
  const dee = await signUp(server, "Dee");
  return { server, ana, bob, cy, dee, acme, beta };
}

async function listOf(person: Person, query = "") {
  const listed = await person.call<WorkspaceMap[]>("GET", `/api/maps${query}`);
  expect(listed.status).toBe(200);
  return listed.body;
}

/** A link issued with the map's owner token (from the create answer), by no account. */
async function issue(server: TestServer, map: { id: string; token: string }, body: CreateLinkBody) {
  const res = await fetch(`${server.url}/api/maps/${map.id}/links`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${map.token}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedLink;
}

const titles = (maps: WorkspaceMap[]) => maps.map((m) => m.title);
const withBearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Resolves when the client's board is closed by the server (or its next sign-in refused). */
function closed(client: Client): Promise<void> {
  return new Promise((resolve) => {
    client.provider.on("close", () => resolve());
    client.provider.on("authenticationFailed", () => resolve());
  });
}

/** An edit by `person` through a live board opened with their session. */
async function editAs(server: TestServer, person: Person, mapId: string, phase: string) {
  const board = await connectAs(server, person, mapDocumentName(mapId));
  new MapEditor(board.doc).addPhase({ name: phase });
  await board.confirmed();
  board.destroy();
}

describe("maps in workspaces", () => {
  // One block by design: a flat list of independent scenarios (each starts its own server and
  // team); it only names the suite, so its length is the number of scenarios, not logic.
  it(
    "creates maps in a workspace and lists them with search, sort and who edited last",
    async () => {
      const { server, ana, bob, cy, dee, acme, beta } = await team();
      const checkout = await createMapIn(ana, "Checkout", acme);
      await createMapIn(ana, "onboarding", acme);
      await createMapIn(bob, "Support", acme);
      // Only admins and members put maps in a workspace; anyone still makes a links-only map.
      expect((await dee.call("POST", "/api/maps", { workspaceId: acme })).status).toBe(403);
      expect((await cy.call("POST", "/api/maps", { workspaceId: acme })).status).toBe(403);
      const anonymous = await fetch(`${server.url}/api/maps`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ workspaceId: acme }),
      });
      expect(anonymous.status).toBe(401);
      expect((await dee.call("POST", "/api/maps", { title: "Mine alone" })).status).toBe(201);

      await editAs(server, bob, checkout.id, "Live phase");
      const [latest] = await listOf(ana);
      expect(latest).toMatchObject({
        id: checkout.id,
        title: "Checkout",
        workspaceId: acme,
        role: ROLE.owner,
        deletedAt: null,
        updatedBy: { id: bob.id, name: "Bob" },
      });
      expect(titles(await listOf(ana, "?sort=title"))).toEqual([
        "Checkout",
        "onboarding",
        "Support",
      ]);
      expect(titles(await listOf(ana, "?sort=created"))).toEqual([
        "Support",
        "onboarding",
        "Checkout",
      ]);
      expect(titles(await listOf(bob, "?q=SUP"))).toEqual(["Support"]);
      expect((await listOf(bob)).every((m) => m.role === ROLE.editor)).toBe(true);
      expect(await listOf(ana, `?workspace=${beta}`)).toEqual([]);
      expect(await listOf(cy)).toEqual([]);
      expect(await listOf(dee)).toEqual([]);
      expect((await fetch(`${server.url}/api/maps`)).status).toBe(401);
      expect((await ana.call("GET", "/api/maps?trash=2")).status).toBe(400);
      expect((await ana.call("GET", "/api/maps?sort=size")).status).toBe(400);
    },
    TIMEOUT_MS,
  );

  it(
    "puts a map in the trash, closing it for everyone, restores it, and purges it 30 days later",
    async () => {
      const { server, ana, bob, acme } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      const editor = await issue(server, map, { role: ROLE.editor });
      const byLink = await connect(server, mapDocumentName(map.id), editor.token);
      const bobs = await connectAs(server, bob, mapDocumentName(map.id));
      const linkClosed = closed(byLink);
      const bobClosed = closed(bobs);

      expect((await bob.call("POST", `/api/maps/${map.id}/trash`)).status).toBe(403);
      const trashed = await ana.call<WorkspaceMap>("POST", `/api/maps/${map.id}/trash`);
      expect(trashed.status).toBe(200);
      expect(trashed.body.deletedAt).toEqual(expect.any(Number));
      await Promise.all([linkClosed, bobClosed]);
      byLink.destroy();
      bobs.destroy();
      expect(await listOf(bob)).toEqual([]);
      expect(titles(await listOf(bob, "?trash=1"))).toEqual(["Checkout"]);
      const exported = await fetch(`${server.url}/api/maps/${map.id}/export`, {
        headers: withBearer(editor.token),
      });
      expect(exported.status).toBe(410);
      await expect(connect(server, mapDocumentName(map.id), editor.token)).rejects.toThrow();
      expect((await ana.call("POST", `/api/maps/${map.id}/trash`)).status).toBe(410);

      const restored = await ana.call<WorkspaceMap>("POST", `/api/maps/${map.id}/restore`);
      expect(restored).toMatchObject({ status: 200, body: { deletedAt: null, role: ROLE.owner } });
      expect((await ana.call("POST", `/api/maps/${map.id}/restore`)).status).toBe(409);
      expect(titles(await listOf(bob))).toEqual(["Checkout"]);
      const again = await fetch(`${server.url}/api/maps/${map.id}/export`, {
        headers: withBearer(editor.token),
      });
      expect(again.status).toBe(200);

      // The member who created a map may trash it too.
      const own = await createMapIn(bob, "Bob's", acme);
      expect((await bob.call("POST", `/api/maps/${own.id}/trash`)).status).toBe(200);
      // 30 days on (the retention sweep's clock moved), both are gone for good.
      expect((await ana.call("POST", `/api/maps/${map.id}/trash`)).status).toBe(200);
      expect(await purgeTrash(server.store, Date.now() + TRASH_KEEP_MS - 60_000)).toBe(0);
      expect(await purgeTrash(server.store, Date.now() + TRASH_KEEP_MS + 60_000)).toBe(2);
      expect(await listOf(ana, "?trash=1")).toEqual([]);
      expect((await ana.call("POST", `/api/maps/${map.id}/restore`)).status).toBe(404);
      expect(await server.store.countUpdates(mapDocumentName(map.id))).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "duplicates a map with its content, in its workspace or another of mine",
    async () => {
      const { server, ana, bob, cy, dee, acme, beta } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      await editAs(server, bob, map.id, "Live phase");
      expect((await dee.call("POST", `/api/maps/${map.id}/duplicate`)).status).toBe(404);
      expect((await cy.call("POST", `/api/maps/${map.id}/duplicate`)).status).toBe(404);
      const mine = await dee.call<{ id: string }>("POST", "/api/maps", {});
      expect(
        (await bob.call("POST", `/api/maps/${map.id}/duplicate`, { workspaceId: "elsewhere" }))
          .status,
      ).toBe(403);

      const copy = await bob.call<WorkspaceMap>("POST", `/api/maps/${map.id}/duplicate`);
      expect(copy).toMatchObject({
        status: 201,
        body: { title: "Checkout (copy)", workspaceId: acme, role: ROLE.editor },
      });
      const board = await connectAs(server, bob, mapDocumentName(copy.body.id));
      const content = readJourneyMap(board.doc);
      expect(content.meta.title).toBe("Checkout (copy)");
      expect(content.phases.map((p) => p.name)).toContain("Live phase");
      board.destroy();
      const elsewhere = await bob.call<WorkspaceMap>("POST", `/api/maps/${map.id}/duplicate`, {
        workspaceId: beta,
      });
      expect(elsewhere.body).toMatchObject({ workspaceId: beta, role: ROLE.editor });
      expect(mine.status).toBe(201);
    },
    TIMEOUT_MS,
  );

  it(
    "moves a map to another workspace, dropping its shares with people outside it",
    async () => {
      const { ana, bob, cy, dee, acme, beta } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      const share = (body: object) =>
        ana.call<SharedMap>("POST", `/api/maps/${map.id}/shares`, body);
      expect((await share({ userId: cy.id, role: ROLE.viewer })).status).toBe(201);
      expect((await share({ userId: bob.id, role: ROLE.commenter })).status).toBe(201);
      expect((await share({ email: "zed@example.com", role: ROLE.editor })).status).toBe(201);
      expect(titles(await listOf(cy))).toEqual(["Checkout"]);

      expect(
        (await bob.call("POST", `/api/maps/${map.id}/move`, { workspaceId: beta })).status,
      ).toBe(403);
      const dees = await createWorkspace(dee, "Dee's");
      expect(
        (await ana.call("POST", `/api/maps/${map.id}/move`, { workspaceId: dees })).status,
      ).toBe(403);
      expect((await ana.call("POST", `/api/maps/${map.id}/move`, {})).status).toBe(400);
      const moved = await ana.call<MovedMap>("POST", `/api/maps/${map.id}/move`, {
        workspaceId: beta,
      });
      expect(moved.status).toBe(200);
      expect(moved.body.map).toMatchObject({ workspaceId: beta, role: ROLE.owner });
      expect(moved.body.droppedShares.map((s) => s.name ?? s.email).sort()).toEqual([
        "Cy",
        "zed@example.com",
      ]);
      expect(await listOf(cy)).toEqual([]);
      expect(await listOf(bob, `?workspace=${beta}`)).toMatchObject([
        { id: map.id, role: ROLE.commenter },
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "claims a map made before accounts with its owner link, and its links keep working",
    async () => {
      const { server, ana, bob, cy, acme } = await team();
      const mapId = await createMap(server, { title: "Before accounts" });
      const editor = await shareLink(server, mapId, ROLE.editor);
      const claim = (person: Person, token?: string) =>
        person.call<WorkspaceMap>(
          "POST",
          `/api/maps/${mapId}/claim`,
          { workspaceId: acme },
          token ? withBearer(token) : {},
        );
      expect((await claim(ana)).status).toBe(403);
      expect((await claim(ana, editor.token)).status).toBe(403);
      expect((await claim(cy, ownerToken(mapId))).status).toBe(403);
      const signedOut = await fetch(`${server.url}/api/maps/${mapId}/claim`, {
        method: "POST",
        headers: { "content-type": "application/json", ...withBearer(ownerToken(mapId)) },
        body: JSON.stringify({ workspaceId: acme }),
      });
      expect(signedOut.status).toBe(401);
      const claimed = await claim(ana, ownerToken(mapId));
      expect(claimed).toMatchObject({ status: 200, body: { workspaceId: acme, role: ROLE.owner } });
      expect((await claim(ana, ownerToken(mapId))).status).toBe(409);
      expect(titles(await listOf(bob))).toEqual(["Before accounts"]);
      const byLink = await fetch(`${server.url}/api/maps/${mapId}/export`, {
        headers: withBearer(editor.token),
      });
      expect(byLink.status).toBe(200);
    },
    TIMEOUT_MS,
  );

  it(
    "shares with members and by email invitation, which becomes the share once accepted",
    async () => {
      const { server, ana, bob, cy, dee, acme } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      const shares = (person: Person) =>
        person.call<MapSharing>("GET", `/api/maps/${map.id}/shares`);
      const share = (person: Person, body: object) =>
        person.call<SharedMap>("POST", `/api/maps/${map.id}/shares`, body);
      expect((await shares(bob)).body).toEqual({
        workspaceId: acme,
        defaultMapRole: ROLE.editor,
        guestLinks: true,
        shares: [],
      });
      const toCy = await share(ana, { userId: cy.id, role: ROLE.viewer });
      expect(toCy.body).toMatchObject({
        share: { name: "Cy", role: ROLE.viewer },
        invitationId: null,
      });
      expect(await listOf(cy)).toMatchObject([{ id: map.id, role: ROLE.viewer }]);
      expect((await share(ana, { userId: dee.id, role: ROLE.viewer })).status).toBe(400);
      // Nobody lowers an admin on one map.
      expect((await share(bob, { userId: ana.id, role: ROLE.viewer })).status).toBe(400);
      expect((await share(ana, { role: ROLE.viewer })).status).toBe(400);
      expect((await share(ana, { userId: cy.id, role: ROLE.owner })).status).toBe(400);
      // Members who edit share with people of the workspace; inviting is for admins.
      expect((await share(bob, { userId: cy.id, role: ROLE.commenter })).status).toBe(201);
      expect(await listOf(cy)).toMatchObject([{ role: ROLE.commenter }]);
      expect((await share(bob, { email: "eve@example.com", role: ROLE.editor })).status).toBe(403);
      expect((await share(cy, { userId: bob.id, role: ROLE.viewer })).status).toBe(403);

      // Cy's board is open when her share goes: it closes.
      const cys = await connectAs(server, cy, mapDocumentName(map.id));
      const cyClosed = closed(cys);
      const cyShare = toCy.body.share.id;
      expect((await ana.call("DELETE", `/api/maps/${map.id}/shares/${cyShare}`)).status).toBe(204);
      await cyClosed;
      cys.destroy();
      expect(await listOf(cy)).toEqual([]);
      expect((await ana.call("DELETE", `/api/maps/${map.id}/shares/${cyShare}`)).status).toBe(404);

      const invited = await share(ana, { email: "Eve@Example.com", role: ROLE.editor });
      expect(invited.status).toBe(201);
      expect(invited.body.share).toMatchObject({ email: "eve@example.com", pending: true });
      const eve = await signUp(server, "Eve");
      expect(await listOf(eve)).toEqual([]);
      const accepted = await eve.call("POST", "/api/auth/organization/accept-invitation", {
        invitationId: invited.body.invitationId,
      });
      expect(accepted.status).toBe(200);
      expect(await listOf(eve)).toMatchObject([{ id: map.id, role: ROLE.editor }]);
      expect((await shares(ana)).body.shares).toMatchObject([
        { userId: eve.id, name: "Eve", email: null, pending: false, role: ROLE.editor },
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "lets workspace admins set the default role and turn guest links off",
    async () => {
      const { server, ana, bob, acme } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      const settings = `/api/workspaces/${acme}/settings`;
      expect((await bob.call("GET", settings)).status).toBe(403);
      expect((await ana.call("GET", settings)).body).toEqual({
        defaultMapRole: ROLE.editor,
        guestLinks: true,
      });
      expect((await ana.call("PATCH", settings, { defaultMapRole: ROLE.owner })).status).toBe(400);
      expect((await ana.call("PATCH", settings, { defaultMapRole: ROLE.viewer })).status).toBe(200);
      expect(await listOf(bob)).toMatchObject([{ id: map.id, role: ROLE.viewer }]);

      const { token: editor } = await issue(server, map, { role: ROLE.editor });
      const { token: contributor } = await issue(server, map, { role: ROLE.contributor });
      const { token: reader } = await issue(server, map, { actions: ["map:read"] });
      const byLink = await connect(server, mapDocumentName(map.id), editor);
      const linkClosed = closed(byLink);
      const off = await ana.call("PATCH", settings, { guestLinks: false });
      expect(off.body).toEqual({ defaultMapRole: ROLE.viewer, guestLinks: false });
      await linkClosed;
      byLink.destroy();
      const get = (path: string, token: string) =>
        fetch(`${server.url}/api/maps/${map.id}/${path}`, { headers: withBearer(token) });
      const refused = await get("export", editor);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toMatch(/turned off/);
      await expect(connect(server, mapDocumentName(map.id), editor)).rejects.toThrow();
      expect((await get("outline", contributor)).status).toBe(200);
      expect((await get("export", reader)).status).toBe(200);
      // Signed-in people are not guests.
      expect((await ana.call("GET", `/api/maps/${map.id}/export`)).status).toBe(200);

      await ana.call("PATCH", settings, { guestLinks: true });
      expect((await get("export", editor)).status).toBe(200);
    },
    TIMEOUT_MS,
  );

  it(
    "lets a signed-in owner manage links, recording who created each",
    async () => {
      const { server, ana, bob, acme } = await team();
      const map = await createMapIn(ana, "Checkout", acme);
      const links = `/api/maps/${map.id}/links`;
      const created = await ana.call<{ link: { createdBy: string | null } }>("POST", links, {
        role: ROLE.viewer,
        label: "Workshop",
      });
      expect(created).toMatchObject({ status: 201, body: { link: { createdBy: ana.id } } });
      expect((await bob.call("POST", links, { role: ROLE.viewer })).status).toBe(403);
      const byToken = await issue(server, map, { role: ROLE.commenter });
      expect(byToken.link.createdBy).toBeNull();
      const listed = await ana.call<{ role: string; createdBy: string | null }[]>("GET", links);
      expect(listed.body.map((l) => [l.role, l.createdBy])).toEqual([
        [ROLE.owner, ana.id],
        [ROLE.viewer, ana.id],
        [ROLE.commenter, null],
      ]);
      // Bodies are bounded like every other route's.
      const huge = await ana.call("POST", `/api/maps/${map.id}/move`, {
        workspaceId: "x".repeat(8000),
      });
      expect(huge.status).toBe(413);
    },
    TIMEOUT_MS,
  );
});
