/** The branch registry, the same contract on SQLite and PostgreSQL (issue 17). */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type BranchRecord,
  type BranchStore,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";

const available = await postgresAvailable();

const branch = (id: string, sourceMapId = "m1", createdAt = 10): BranchRecord => ({
  id,
  sourceMapId,
  sourceSeq: 42,
  name: `To-be ${id}`,
  createdAt,
  createdBy: "u-ana",
  archivedAt: null,
});

function branchContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} branch store`, () => {
    let store: MapStore;
    let branches: BranchStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      branches = store.branches();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("remembers where a branch came from and lists a map's branches oldest first", async () => {
      await branches.createBranch(branch("b2", "m1", 20));
      await branches.createBranch(branch("b1", "m1", 10));
      await branches.createBranch(branch("b3", "other", 5));
      expect(await branches.getBranch("b1")).toEqual(branch("b1", "m1", 10));
      expect(await branches.getBranch("m1")).toBeNull();
      expect((await branches.listBranches("m1")).map((b) => b.id)).toEqual(["b1", "b2"]);
    });

    it("archives and brings back a branch of its own map only", async () => {
      await branches.createBranch(branch("b1"));
      expect(await branches.archiveBranch("other", "b1", 99)).toBe(false);
      expect(await branches.archiveBranch("m1", "b1", 99)).toBe(true);
      expect((await branches.getBranch("b1"))?.archivedAt).toBe(99);
      expect(await branches.archiveBranch("m1", "b1", null)).toBe(true);
      expect((await branches.getBranch("b1"))?.archivedAt).toBeNull();
    });
  });
}

branchContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-branches-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!available)("PostgreSQL", () => {
  branchContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
