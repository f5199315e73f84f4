/** Library opportunities and their links, the same contract on SQLite and PostgreSQL (issue 19). */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type LibraryOpportunityRecord,
  type LibraryOpportunityStore,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";

const available = await postgresAvailable();

const opportunity = (id: string, workspaceId = "w1", createdAt = 10): LibraryOpportunityRecord => ({
  id,
  workspaceId,
  title: `Fix ${id}`,
  value: null,
  effort: null,
  status: "open",
  createdBy: "u-ana",
  createdAt,
  updatedAt: createdAt,
  updatedBy: "u-ana",
});

function opportunityContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} library opportunity store`, () => {
    let store: MapStore;
    let opportunities: LibraryOpportunityStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      opportunities = store.libraryOpportunities();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("lists a workspace's opportunities oldest first, unplaced until placed", async () => {
      await opportunities.createOpportunity(opportunity("o2", "w1", 20));
      await opportunities.createOpportunity(opportunity("o1", "w1", 10));
      await opportunities.createOpportunity(opportunity("o3", "w2", 5));
      expect((await opportunities.listOpportunities("w1")).map((o) => o.id)).toEqual(["o1", "o2"]);
      expect(await opportunities.getOpportunity("o1")).toEqual(opportunity("o1"));
      expect(await opportunities.getOpportunity("nope")).toBeNull();
    });

    it("writes only the fields a change names, and the last write wins", async () => {
      await opportunities.createOpportunity(opportunity("o1"));
      expect(
        await opportunities.updateOpportunity("o1", {
          value: 80,
          effort: 20,
          updatedAt: 30,
          updatedBy: "u-ana",
        }),
      ).toBe(true);
      await opportunities.updateOpportunity("o1", {
        effort: 70,
        updatedAt: 31,
        updatedBy: "u-ben",
      });
      const placed = await opportunities.getOpportunity("o1");
      expect(placed).toMatchObject({ title: "Fix o1", value: 80, effort: 70, updatedBy: "u-ben" });
      await opportunities.updateOpportunity("o1", {
        value: null,
        effort: null,
        updatedAt: 32,
        updatedBy: "u-ana",
      });
      expect(await opportunities.getOpportunity("o1")).toMatchObject({ value: null, effort: null });
      expect(
        await opportunities.updateOpportunity("nope", { title: "x", updatedAt: 1, updatedBy: "u" }),
      ).toBe(false);
    });

    it("records each link once, removes it, and deletes links with their opportunity", async () => {
      await opportunities.createOpportunity(opportunity("o1"));
      const link = { opportunityId: "o1", mapId: "m1", cardId: "c1", createdAt: 40 };
      await opportunities.addLink(link);
      await opportunities.addLink(link);
      await opportunities.addLink({ ...link, mapId: "m2", cardId: "c2", createdAt: 41 });
      expect((await opportunities.linksOf(["o1"])).map((l) => l.mapId)).toEqual(["m1", "m2"]);
      expect(await opportunities.removeLink("o1", "m1", "c1")).toBe(true);
      expect(await opportunities.removeLink("o1", "m1", "c1")).toBe(false);
      expect(await opportunities.linksOf(["o1"])).toEqual([
        { opportunityId: "o1", mapId: "m2", cardId: "c2", createdAt: 41 },
      ]);
      expect(await opportunities.deleteOpportunity("o1")).toBe(true);
      expect(await opportunities.linksOf(["o1"])).toEqual([]);
    });
  });
}

opportunityContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-opportunities-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!available)("PostgreSQL", () => {
  opportunityContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
