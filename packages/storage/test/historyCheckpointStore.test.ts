/** Kept history checkpoints (issue 16, R7), the same contract on SQLite and PostgreSQL. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  type HistoryCheckpointStore,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable, testMap } from "../src/testing/index.ts";

const available = await postgresAvailable();
const seed = Y.encodeStateAsUpdate(new Y.Doc());

/** A state of `n` bytes, each its own value, so a mixed-up answer shows. */
const bytes = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i + seed) % 256);

function checkpointContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} history checkpoints`, () => {
    let store: MapStore;
    let kept: HistoryCheckpointStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      kept = store.historyCheckpoints();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("answers the nearest one at or before a moment, of that map only", async () => {
      await kept.put("histMap00001", { seq: 500, rowTs: 11, state: bytes(300_000, 1) });
      await kept.put("histMap00001", { seq: 1000, rowTs: 22, state: bytes(10, 2) });
      await kept.put("histMap00002", { seq: 700, rowTs: 33, state: bytes(10, 3) });
      expect(await kept.nearest("histMap00001", 499)).toBeNull();
      expect(await kept.nearest("histMap00001", 500)).toEqual({
        seq: 500,
        rowTs: 11,
        state: bytes(300_000, 1),
      });
      expect(await kept.nearest("histMap00001", 999)).toMatchObject({ seq: 500 });
      expect(await kept.nearest("histMap00001", 5000)).toEqual({
        seq: 1000,
        rowTs: 22,
        state: bytes(10, 2),
      });
      expect(await kept.nearest("histMap00002", 5000)).toMatchObject({ seq: 700, rowTs: 33 });
    });

    it("replaces one kept at the same moment, and drops one", async () => {
      await kept.put("histMap00001", { seq: 500, rowTs: 11, state: bytes(10, 1) });
      await kept.put("histMap00001", { seq: 500, rowTs: 12, state: bytes(20, 5) });
      expect(await kept.nearest("histMap00001", 500)).toEqual({
        seq: 500,
        rowTs: 12,
        state: bytes(20, 5),
      });
      await kept.drop("histMap00001", 500);
      expect(await kept.nearest("histMap00001", 500)).toBeNull();
    });

    it("goes with its map when the map is purged", async () => {
      await store.createMap(testMap("histMap00001", "Kept", 1, seed));
      await store.createMap(testMap("histMap00002", "Other", 1, seed));
      await kept.put("histMap00001", { seq: 500, rowTs: 11, state: bytes(10, 1) });
      await kept.put("histMap00002", { seq: 500, rowTs: 11, state: bytes(10, 1) });
      await store.purgeMap("histMap00001");
      expect(await kept.nearest("histMap00001", 500)).toBeNull();
      expect(await kept.nearest("histMap00002", 500)).toMatchObject({ seq: 500 });
    });
  });
}

checkpointContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-history-checkpoints-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!available)("PostgreSQL", () => {
  checkpointContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
