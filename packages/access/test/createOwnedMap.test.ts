/**
 * A map comes into being with its owner (createOwnedMap), and the owner tokens of a data
 * folder made before logs were keyed by document still open their maps after it migrates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName, ROLE, talkDocumentName } from "@journeymap/protocol";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { copyLegacyDataDir } from "@journeymap/storage/testing";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AccessError, AccessService, createOwnedMap } from "../src/index.ts";

const seed = (text: string) => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe("createOwnedMap", () => {
  it("stores the map, its seeded documents and its owner's link, whose token opens it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-access-"));
    const store = new SqliteMapStore(storeFileIn(dir));
    try {
      const access = await AccessService.create(store, () => 42);
      const created = await createOwnedMap(store, access, {
        title: "Onboarding",
        createdAt: 42,
        seed: seed("map"),
        talkSeed: seed("talk"),
      });
      expect(await store.listMaps()).toEqual([
        {
          id: created.id,
          title: "Onboarding",
          createdAt: 42,
          updatedAt: 42,
          updatedBy: null,
          workspaceId: null,
          createdBy: null,
          deletedAt: null,
        },
      ]);
      expect(await store.countUpdates(mapDocumentName(created.id))).toBe(1);
      expect(await store.countUpdates(talkDocumentName(created.id))).toBe(1);
      const [owner] = await store.listLinks(created.id);
      expect(owner).toMatchObject({ role: ROLE.owner, label: "Owner", createdAt: 42 });
      expect(await access.authorize(created.token, created.id)).toEqual({
        kind: "share",
        mapId: created.id,
        linkId: owner!.id,
        role: ROLE.owner,
        expiresAt: null,
      });
      await expect(access.authorize(created.token, "anotherMap1")).rejects.toThrow(AccessError);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a data folder made by main at 7dfef97", () => {
  it("keeps its owner tokens working once migrated (links and the stored secret intact)", async () => {
    const legacy = copyLegacyDataDir();
    const store = new SqliteMapStore(storeFileIn(legacy.dataDir));
    try {
      const access = await AccessService.create(store);
      for (const map of [legacy.expected.map, legacy.expected.imported]) {
        expect(await access.authorize(map.ownerToken, map.id)).toMatchObject({
          kind: "share",
          mapId: map.id,
          role: ROLE.owner,
        });
      }
    } finally {
      await store.close();
      legacy.dispose();
    }
  });
});
