/**
 * A signed-in person's role on a map, with a real store and real accounts (better-auth over
 * the same SQLite file or PostgreSQL database): explicit shares win, workspace roles follow,
 * invitations by email become shares once the person is in the workspace, and the trash and
 * maps from before accounts open for no account.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Accounts, createAccounts } from "@journeymap/accounts";
import { ROLE, type Role, WORKSPACE_ROLE, type WorkspaceRole } from "@journeymap/protocol";
import { type MapStore, PostgresMapStore, SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { createTestDatabase, postgresAvailable } from "@journeymap/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AccessService, AccountAccess, createOwnedMap } from "../src/index.ts";

const CONFIG = {
  secret: "test-secret-test-secret-test-secret-0123456789",
  allowSignUp: true,
  mail: null,
  oidc: null,
};

const postgres = await postgresAvailable();

async function openBackend(backend: "sqlite" | "postgres") {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-account-access-"));
  const database = backend === "postgres" ? await createTestDatabase() : null;
  const store: MapStore = database
    ? await PostgresMapStore.open(database.url)
    : new SqliteMapStore(storeFileIn(dataDir));
  const accounts = await createAccounts({
    dataDir,
    databaseUrl: database?.url ?? null,
    publicUrl: "http://journeymap.test",
    config: CONFIG,
    log: (level, message) => level === "error" && console.error(message),
  });
  return {
    store,
    accounts,
    async dispose() {
      await accounts.close();
      await store.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

for (const backend of ["sqlite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && !postgres)(`AccountAccess (${backend})`, () => {
    let t: Awaited<ReturnType<typeof openBackend>>;
    let store: MapStore;
    let accounts: Accounts;
    let roles: AccountAccess;
    const people: Record<string, string> = {};
    let acme = "";
    let mapId = "";
    let before = "";

    const person = async (name: string) => {
      const user = await accounts.createUser({
        email: `${name}@example.com`,
        name,
        password: "correct horse 1",
      });
      people[name] = user.id;
      return user.id;
    };
    const join = async (name: string, workspaceId: string, role: WorkspaceRole) => {
      await accounts.auth.api.addMember({
        body: { userId: people[name]!, role, organizationId: workspaceId },
      });
    };
    const seed = () => Y.encodeStateAsUpdate(new Y.Doc());
    const newMap = async (title: string, workspaceId: string | null) => {
      const access = await AccessService.create(store);
      const createdBy = workspaceId ? people.ana! : null;
      return (
        await createOwnedMap(store, access, {
          title,
          createdAt: 1,
          seed: seed(),
          workspaceId,
          createdBy,
        })
      ).id;
    };
    const share = (id: string, to: { userId?: string; email?: string }, role: Role = ROLE.viewer) =>
      store.putShare({
        id,
        mapId,
        userId: to.userId ?? null,
        email: to.email ?? null,
        role,
        createdBy: people.ana!,
        createdAt: 5,
      });
    const roleOf = (name: string, map = mapId) => roles.roleOnMap(people[name]!, map);

    beforeEach(async () => {
      t = await openBackend(backend);
      ({ store, accounts } = t);
      roles = new AccountAccess(store, accounts);
      for (const name of ["ana", "bob", "cy", "dee"]) await person(name);
      const created = await accounts.auth.api.createOrganization({
        body: { name: "Acme", slug: "acme", userId: people.ana! },
      });
      acme = created!.id;
      await join("bob", acme, WORKSPACE_ROLE.member);
      await join("cy", acme, WORKSPACE_ROLE.guest);
      mapId = await newMap("Checkout", acme);
      before = await newMap("Made before accounts", null);
    }, 60_000);
    afterEach(() => t.dispose());

    it("gives admins the owner role, members the workspace default, guests and outsiders none", async () => {
      expect(await roleOf("ana")).toBe(ROLE.owner);
      expect(await roleOf("bob")).toBe(ROLE.editor);
      expect(await roleOf("cy")).toBeNull();
      expect(await roleOf("dee")).toBeNull();
      await store.putWorkspaceSettings({
        workspaceId: acme,
        defaultMapRole: ROLE.commenter,
        guestLinks: true,
      });
      expect(await roleOf("bob")).toBe(ROLE.commenter);
      expect(await roleOf("ana")).toBe(ROLE.owner);
      expect(await roles.roleOnMap(people.ana!, "noSuchMap1")).toBeNull();
    });

    it("lets an explicit share win, for people in the map's workspace only", async () => {
      await share("s-cy", { userId: people.cy! }, ROLE.viewer);
      await share("s-bob", { userId: people.bob! }, ROLE.commenter);
      await share("s-ana", { userId: people.ana! }, ROLE.viewer);
      await share("s-dee", { userId: people.dee! }, ROLE.editor);
      expect(await roleOf("cy")).toBe(ROLE.viewer);
      expect(await roleOf("bob")).toBe(ROLE.commenter);
      expect(await roleOf("ana")).toBe(ROLE.viewer);
      // Dee is in no workspace of the map: a share outlives no membership.
      expect(await roleOf("dee")).toBeNull();
    });

    it("turns an invitation by email into the person's share once they are in the workspace", async () => {
      await share("s-fay", { email: "Fay@Example.com" }, ROLE.editor);
      await person("fay");
      expect(await roleOf("fay")).toBeNull();
      await join("fay", acme, WORKSPACE_ROLE.guest);
      expect(await roleOf("fay")).toBe(ROLE.editor);
      expect(await store.listShares(mapId)).toMatchObject([
        { id: "s-fay", userId: people.fay, email: null, role: ROLE.editor },
      ]);
    });

    it("opens trashed maps and maps from before accounts for nobody", async () => {
      expect(await roleOf("ana", before)).toBeNull();
      await store.trashMap(mapId, 10);
      expect(await roleOf("ana")).toBeNull();
      expect(await roleOf("bob")).toBeNull();
      // What restoring needs: the role the person would have.
      expect((await roles.standing(people.ana!, mapId))?.role).toBe(ROLE.owner);
      await store.restoreMap(mapId);
      expect(await roleOf("ana")).toBe(ROLE.owner);
    });

    it("lists the maps a person may open, with their role, and the shared ones of guests", async () => {
      const second = await newMap("Onboarding", acme);
      await share("s-cy", { userId: people.cy! }, ROLE.commenter);
      const list = (name: string, extra = {}) =>
        roles.listMaps(people[name]!, { trashed: false, sort: "title", limit: 50, ...extra });
      const summary = (maps: Awaited<ReturnType<typeof list>>) =>
        maps.map((m) => [m.title, m.role]);
      expect(summary(await list("ana"))).toEqual([
        ["Checkout", ROLE.owner],
        ["Onboarding", ROLE.owner],
      ]);
      expect(summary(await list("bob", { text: "board" }))).toEqual([["Onboarding", ROLE.editor]]);
      expect(summary(await list("cy"))).toEqual([["Checkout", ROLE.commenter]]);
      expect(await list("dee")).toEqual([]);
      expect(await list("ana", { workspaceId: "elsewhere" })).toEqual([]);
      await store.trashMap(second, 10);
      expect(summary(await list("bob", { trashed: true }))).toEqual([["Onboarding", ROLE.editor]]);
      // An invitation shows in the list once accepted, and is the person's from then on.
      await share("s-dee", { email: "dee@example.com" }, ROLE.editor);
      expect(await list("dee")).toEqual([]);
      await join("dee", acme, WORKSPACE_ROLE.guest);
      expect(summary(await list("dee"))).toEqual([["Checkout", ROLE.editor]]);
      expect((await store.listShares(mapId)).find((s) => s.id === "s-dee")?.userId).toBe(
        people.dee,
      );
    });
  });
}
