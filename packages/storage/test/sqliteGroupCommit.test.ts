import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { SqliteMapStore, storeFileIn } from "../src/index.ts";
import type { UpdateRow } from "../src/documentLog.ts";

let dir: string;
let store: SqliteMapStore;
const DOC = "map:groupcommit01";

const row = (i: number, bytes: Uint8Array | null = new Uint8Array([i & 255])): UpdateRow => ({
  doc: DOC,
  ts: 1_000 + i,
  author: `person-${i}`,
  clientIds: [i],
  origin: "connection",
  bytes: bytes as Uint8Array,
});

/** Pages written to the write-ahead log so far: each commit writes at least one. */
function walPages(file: string): number {
  return Math.floor((statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) / 4096);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-group-"));
  store = new SqliteMapStore(storeFileIn(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it("appends made in one turn share one commit and resolve in order", async () => {
  await store.appendUpdate(row(0));
  const before = walPages(storeFileIn(dir));
  const seqs = await Promise.all(
    Array.from({ length: 200 }, (_, i) => store.appendUpdate(row(i + 1))),
  );
  expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
  // 200 separate transactions write ≥ 200 frames; one transaction a handful of pages.
  expect(walPages(storeFileIn(dir)) - before).toBeLessThan(20);
  const logged = await store.readUpdates(DOC, 1, 1_000);
  expect(logged.map((u) => u.author)).toEqual(Array.from({ length: 201 }, (_, i) => `person-${i}`));
});

it("a read right after an append, not awaited, sees it", async () => {
  void store.appendUpdate(row(1));
  expect(await store.countUpdates(DOC)).toBe(1);
});

it("one bad row fails alone; its neighbours in the batch are stored", async () => {
  const results = await Promise.allSettled([
    store.appendUpdate(row(1)),
    store.appendUpdate(row(2, null)),
    store.appendUpdate(row(3)),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect((await store.readUpdates(DOC, 1, 10)).map((u) => u.author)).toEqual([
    "person-1",
    "person-3",
  ]);
});

it("a batch holding several documents' rows numbers each document's log on from its own end", async () => {
  const OTHER = "map:groupcommit02";
  await store.appendUpdate(row(0));
  await store.appendUpdate(row(1));
  const seqs = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      store.appendUpdate({ ...row(i + 2), doc: i % 2 === 0 ? DOC : OTHER }),
    ),
  );
  expect(seqs).toEqual([3, 1, 4, 2, 5, 3]);
  expect((await store.readUpdates(DOC, 1, 10)).map((u) => [u.seq, u.author])).toEqual([
    [1, "person-0"],
    [2, "person-1"],
    [3, "person-2"],
    [4, "person-4"],
    [5, "person-6"],
  ]);
  expect((await store.readUpdates(OTHER, 1, 10)).map((u) => [u.seq, u.author])).toEqual([
    [1, "person-3"],
    [2, "person-5"],
    [3, "person-7"],
  ]);
});
