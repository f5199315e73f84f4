/**
 * A map's policy has the last word over its links: a trashed map opens by no link (gone), and
 * where its workspace turned guest links off only contributor links and API tokens still work
 * (forbidden), also for connections already open (isLive).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { API_ACTION, ROLE } from "@journeymap/protocol";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type AccessError, AccessService, createOwnedMap } from "../src/index.ts";

describe("AccessService and a map's policy", () => {
  let dir: string;
  let store: SqliteMapStore;
  let access: AccessService;
  let mapId: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-access-"));
    store = new SqliteMapStore(storeFileIn(dir));
    access = await AccessService.create(store);
    const seed = Y.encodeStateAsUpdate(new Y.Doc());
    const map = { title: "A", createdAt: 1, seed, workspaceId: "ws1", createdBy: "user-ana" };
    mapId = (await createOwnedMap(store, access, map)).id;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusalOf = (token: string) =>
    access.authorize(token, mapId).then(
      () => null,
      (error: AccessError) => [error.refusal, error.message],
    );

  it("records who created a link", async () => {
    const { link } = await access.issue(mapId, { role: ROLE.viewer }, "", null, "user-ana");
    expect((await store.getLink(link.id))?.createdBy).toBe("user-ana");
    expect((await store.listLinks(mapId))[0]?.createdBy).toBe("user-ana");
  });

  it("B11: gives a live guest link's token again, never an owner link's, an API token's or a revoked one's", async () => {
    const viewer = await access.issue(mapId, { role: ROLE.viewer }, "Sales team link", null);
    const again = await access.tokenOf(mapId, viewer.link.id);
    expect(again).not.toBeNull();
    expect((await access.authorize(again!, mapId)).kind === "share").toBe(true);
    expect(await access.tokenOf("someOtherMap", viewer.link.id)).toBeNull();
    const owner = await access.issue(mapId, { role: ROLE.owner }, "", null);
    const api = await access.issue(mapId, { actions: [API_ACTION.mapRead] }, "", null);
    expect(await access.tokenOf(mapId, owner.link.id)).toBeNull();
    expect(await access.tokenOf(mapId, api.link.id)).toBeNull();
    await store.revokeLink(mapId, viewer.link.id, 2);
    expect(await access.tokenOf(mapId, viewer.link.id)).toBeNull();
    expect(await refusalOf(again!)).not.toBeNull();
  });

  it("opens a trashed map by no link, and again once restored", async () => {
    const editor = await access.issue(mapId, { role: ROLE.editor }, "", null);
    const api = await access.issue(mapId, { actions: [API_ACTION.mapRead] }, "", null);
    await store.trashMap(mapId, 5);
    for (const { token } of [editor, api])
      expect(await refusalOf(token)).toEqual(["gone", "This map is in the trash"]);
    expect(await access.isLive(editor.link.id)).toBe(false);
    await store.restoreMap(mapId);
    expect(await refusalOf(editor.token)).toBeNull();
    expect(await access.isLive(editor.link.id)).toBe(true);
  });

  it("refuses guest links where the workspace turned them off, but not contributors or API tokens", async () => {
    const issue = (role: (typeof ROLE)[keyof typeof ROLE]) =>
      access.issue(mapId, { role }, "", null);
    const guests = [await issue(ROLE.owner), await issue(ROLE.editor), await issue(ROLE.viewer)];
    const contributor = await issue(ROLE.contributor);
    const api = await access.issue(mapId, { actions: [API_ACTION.evidenceWrite] }, "", null);
    await store.putWorkspaceSettings({
      workspaceId: "ws1",
      defaultMapRole: ROLE.editor,
      guestLinks: false,
    });
    for (const { token, link } of guests) {
      expect((await refusalOf(token))?.[0]).toBe("forbidden");
      expect(await access.isLive(link.id)).toBe(false);
    }
    expect(await refusalOf(contributor.token)).toBeNull();
    expect(await refusalOf(api.token)).toBeNull();
    expect(await access.isLive(contributor.link.id)).toBe(true);
  });
});
