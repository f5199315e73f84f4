/**
 * One contract, every store, for what accounts added: maps in workspaces (found, moved,
 * claimed), the trash and its purge, shares with people, and workspace settings.
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  type MapQuery,
  type MapShare,
  type MapStore,
  purgeTrash,
  TRASH_KEEP_MS,
} from "../src/index.ts";
import { testMap } from "../src/testing/index.ts";
import { type OpenStore, storeRunner } from "./storeContract.ts";

const seed = () => Y.encodeStateAsUpdate(new Y.Doc());

/** A map in a workspace (null: none), made by `createdBy`. */
const mapIn = (id: string, title: string, createdAt: number, workspaceId: string | null) => ({
  ...testMap(id, title, createdAt, seed()),
  workspaceId,
  createdBy: workspaceId === null ? null : "user-ana",
});

const edit = (doc: string, ts: number, author: string, origin: "connection" | "server") => ({
  doc,
  ts,
  author,
  clientIds: [],
  origin,
  bytes: seed(),
});

const query = (overrides: Partial<MapQuery>): MapQuery => ({
  workspaceIds: [],
  mapIds: [],
  trashed: false,
  sort: "updated",
  limit: 50,
  ...overrides,
});

const share = (overrides: Partial<MapShare>): MapShare => ({
  id: "share1",
  mapId: "mapAAAAAAAA",
  userId: null,
  email: null,
  role: "editor",
  createdBy: "user-ana",
  createdAt: 10,
  ...overrides,
});

export function workspaceContract(name: string, open: OpenStore) {
  describe(`MapStore contract, workspaces: ${name}`, () => {
    // One block by design: the contract is one list of tests that every adapter (SQLite,
    // PostgreSQL) must pass; workspaceContract runs it once per adapter.
    const withStore = storeRunner(open);

    /** Maps A and B in ws1, C in ws2, D in none; A last edited by user-ana, then the server. */
    const fourMaps = async (store: MapStore) => {
      await store.createMap(mapIn("mapAAAAAAAA", "Checkout flow", 100, "ws1"));
      await store.createMap(mapIn("mapBBBBBBBB", "onboarding", 200, "ws1"));
      await store.createMap(mapIn("mapCCCCCCCC", "Support FLOW", 300, "ws2"));
      await store.createMap(mapIn("mapDDDDDDDD", "Before accounts", 400, null));
      await store.appendUpdate(edit(mapDocumentName("mapAAAAAAAA"), 500, "user-ana", "connection"));
      await store.appendUpdate(edit(mapDocumentName("mapAAAAAAAA"), 600, "server", "server"));
    };

    const ids = (maps: { id: string }[]) => maps.map((m) => m.id.slice(3, 4)).join("");

    it("finds the maps of workspaces and single maps, by title text, sorted and limited", () =>
      withStore(async (store) => {
        await fourMaps(store);
        const mine = { workspaceIds: ["ws1"], mapIds: ["mapCCCCCCCC"] };
        expect(ids(await store.findMaps(query(mine)))).toBe("ACB");
        expect(ids(await store.findMaps(query({ ...mine, sort: "title" })))).toBe("ABC");
        expect(ids(await store.findMaps(query({ ...mine, sort: "created" })))).toBe("CBA");
        expect(ids(await store.findMaps(query({ ...mine, text: " flow " })))).toBe("AC");
        expect(ids(await store.findMaps(query({ ...mine, text: "Boarding" })))).toBe("B");
        expect(ids(await store.findMaps(query({ ...mine, text: "%" })))).toBe("");
        expect(ids(await store.findMaps(query({ ...mine, limit: 1 })))).toBe("A");
        expect(await store.findMaps(query({}))).toEqual([]);
        const [a] = await store.findMaps(query({ mapIds: ["mapAAAAAAAA"] }));
        // The last edit is the server's; the last person to edit was Ana.
        expect(a).toEqual({
          id: "mapAAAAAAAA",
          title: "Checkout flow",
          createdAt: 100,
          updatedAt: 600,
          updatedBy: "user-ana",
          workspaceId: "ws1",
          createdBy: "user-ana",
          deletedAt: null,
        });
        expect((await store.getMaps(["mapBBBBBBBB"]))[0]?.updatedBy).toBeNull();
      }));

    it("moves maps between workspaces and claims a map of no workspace once", () =>
      withStore(async (store) => {
        await fourMaps(store);
        expect(await store.moveMap("mapAAAAAAAA", "ws2")).toBe(true);
        expect(await store.moveMap("nope", "ws2")).toBe(false);
        expect(ids(await store.findMaps(query({ workspaceIds: ["ws2"] })))).toBe("AC");
        expect(await store.claimMap("mapBBBBBBBB", "ws2", "user-bob")).toBe(false);
        expect(await store.claimMap("mapDDDDDDDD", "ws2", "user-bob")).toBe(true);
        expect(await store.claimMap("mapDDDDDDDD", "ws1", "user-cy")).toBe(false);
        const [d] = await store.getMaps(["mapDDDDDDDD"]);
        expect(d).toMatchObject({ workspaceId: "ws2", createdBy: "user-bob" });
        // Links made before accounts keep their place.
        expect((await store.listLinks("mapDDDDDDDD")).map((l) => l.id)).toEqual([
          "owner-mapDDDDDDDD",
        ]);
      }));

    it("trashes and restores maps, and purges them 30 days later with all that was theirs", () =>
      withStore(async (store) => {
        await fourMaps(store);
        const a = "mapAAAAAAAA";
        await store.appendUpdate(edit(talkDocumentName(a), 700, "user-ana", "connection"));
        await store.writeCheckpoint(mapDocumentName(a), 2, seed(), 700);
        await store.createVersion({
          id: "v1",
          mapId: a,
          seq: 2,
          name: "V",
          createdAt: 1,
          createdBy: "x",
        });
        await store.putShare(share({ userId: "user-bob" }));
        const all = query({ workspaceIds: ["ws1"] });

        expect(await store.trashMap(a, 1000)).toBe(true);
        expect(await store.trashMap(a, 2000)).toBe(false);
        expect(ids(await store.findMaps(all))).toBe("B");
        const trash = await store.findMaps({ ...all, trashed: true });
        expect(trash.map((m) => [m.id, m.deletedAt])).toEqual([[a, 1000]]);
        expect(await store.restoreMap(a)).toBe(true);
        expect(await store.restoreMap(a)).toBe(false);
        expect(ids(await store.findMaps(all))).toBe("AB");

        expect(await store.trashMap(a, 1000)).toBe(true);
        expect(await store.trashedBefore(1001, 10)).toEqual([a]);
        expect(await store.trashedBefore(1000, 10)).toEqual([]);
        expect(await purgeTrash(store, 1000 + TRASH_KEEP_MS)).toBe(0);
        expect(await purgeTrash(store, 1001 + TRASH_KEEP_MS)).toBe(1);
        expect(await store.hasMap(a)).toBe(false);
        for (const doc of [mapDocumentName(a), talkDocumentName(a)]) {
          expect(await store.countUpdates(doc)).toBe(0);
          expect(await store.loadDocument(doc)).toEqual({ updates: [], seq: 0, checkpointSeq: 0 });
        }
        expect(await store.listLinks(a)).toEqual([]);
        expect(await store.listVersions(a)).toEqual([]);
        expect(await store.listShares(a)).toEqual([]);
        expect(await store.countUpdates(mapDocumentName("mapBBBBBBBB"))).toBe(1);
        expect(await store.listLinks("mapBBBBBBBB")).toHaveLength(1);
      }));

    it("shares a map once per person, invites by email, and hands pending shares over", () =>
      withStore(async (store) => {
        await fourMaps(store);
        const bob = await store.putShare(share({ id: "s-bob", userId: "user-bob" }));
        expect(bob).toEqual(share({ id: "s-bob", userId: "user-bob" }));
        // Sharing again with Bob changes his share's role and keeps its id.
        const again = await store.putShare(
          share({ id: "s-bob2", userId: "user-bob", role: "viewer" }),
        );
        expect(again).toMatchObject({ id: "s-bob", role: "viewer" });
        const cy = share({ id: "s-cy", email: "Cy@Example.com", role: "commenter", createdAt: 20 });
        expect(await store.putShare(cy)).toEqual({ ...cy, email: "cy@example.com" });
        await store.putShare({ ...cy, id: "s-cy-b", mapId: "mapBBBBBBBB" });
        await expect(store.putShare(share({ id: "s-none" }))).rejects.toThrow();
        expect((await store.listShares("mapAAAAAAAA")).map((s) => s.id)).toEqual(["s-bob", "s-cy"]);

        expect((await store.sharesWith("user-cy", "CY@example.com")).map((s) => s.id)).toEqual([
          "s-cy",
          "s-cy-b",
        ]);
        // Cy already has a share of B of her own: the pending one goes, hers stays.
        await store.putShare(share({ id: "s-cy-own", mapId: "mapBBBBBBBB", userId: "user-cy" }));
        expect(
          await store.claimShares("cy@example.com", "user-cy", ["mapAAAAAAAA", "mapBBBBBBBB"]),
        ).toBe(1);
        const cys = await store.sharesWith("user-cy", "cy@example.com");
        expect(cys.map((s) => [s.id, s.userId, s.email, s.role])).toEqual([
          ["s-cy-own", "user-cy", null, "editor"],
          ["s-cy", "user-cy", null, "commenter"],
        ]);

        expect(await store.deleteShare("mapBBBBBBBB", "s-bob")).toBeNull();
        expect(await store.deleteShare("mapAAAAAAAA", "s-bob")).toMatchObject({
          userId: "user-bob",
        });
        expect(await store.deleteShare("mapAAAAAAAA", "s-bob")).toBeNull();
        await store.deleteShares("mapAAAAAAAA", ["s-cy", "s-cy-own"]);
        expect(await store.listShares("mapAAAAAAAA")).toEqual([]);
        expect((await store.listShares("mapBBBBBBBB")).map((s) => s.id)).toEqual(["s-cy-own"]);
      }));

    it("keeps workspace settings, defaults until saved, and reads a map's policy at once", () =>
      withStore(async (store) => {
        await fourMaps(store);
        const defaults = { defaultMapRole: "editor", guestLinks: true };
        expect(await store.getWorkspaceSettings("ws1")).toEqual({
          workspaceId: "ws1",
          ...defaults,
        });
        await store.putWorkspaceSettings({
          workspaceId: "ws1",
          defaultMapRole: "viewer",
          guestLinks: true,
        });
        await store.putWorkspaceSettings({
          workspaceId: "ws1",
          defaultMapRole: "commenter",
          guestLinks: false,
        });
        expect(await store.getWorkspaceSettings("ws1")).toEqual({
          workspaceId: "ws1",
          defaultMapRole: "commenter",
          guestLinks: false,
        });
        expect(await store.getWorkspaceSettings("ws2")).toEqual({
          workspaceId: "ws2",
          ...defaults,
        });
        await store.trashMap("mapAAAAAAAA", 900);
        expect(await store.mapPolicy("mapAAAAAAAA")).toEqual({
          mapId: "mapAAAAAAAA",
          workspaceId: "ws1",
          deletedAt: 900,
          defaultMapRole: "commenter",
          guestLinks: false,
        });
        expect(await store.mapPolicy("mapDDDDDDDD")).toEqual({
          mapId: "mapDDDDDDDD",
          workspaceId: null,
          deletedAt: null,
          ...defaults,
        });
        expect(await store.mapPolicy("nope")).toBeNull();
      }));
  });
}
