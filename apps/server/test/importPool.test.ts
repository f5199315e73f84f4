/**
 * H2: uploads are read on one worker thread behind a short queue and a time limit, so
 * imports cannot take the server's loop or more than one core.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  createImportPool,
  IMPORT_QUEUE,
  ImportBusy,
  type ImportPool,
  ImportTooSlow,
} from "../src/import/importPool.ts";

const rows = (n: number) =>
  `phase,touchpoint\n${Array.from({ length: n }, (_, i) => `P${i % 5},Step ${i}`).join("\n")}`;

let pool: ImportPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("H2: the import pool", () => {
  it("H2: reads a file on the worker thread and returns its preview and seed", {
    timeout: 60_000,
  }, async () => {
    pool = createImportPool();
    const { preview, seed } = await pool.read({ text: rows(3), seedAt: 1 });
    expect(preview.kind).toBe("csv");
    expect(preview.errors).toEqual([]);
    expect(seed).toBeInstanceOf(Uint8Array);
    expect(seed!.length).toBeGreaterThan(0);
  });

  it("H2: uploads beyond the queue are refused as busy", { timeout: 60_000 }, async () => {
    pool = createImportPool();
    const p = pool;
    const outcomes = await Promise.allSettled(
      Array.from({ length: IMPORT_QUEUE + 4 }, () => p.read({ text: rows(50) })),
    );
    const busy = outcomes.filter((o) => o.status === "rejected");
    expect(busy.length).toBeGreaterThan(0);
    for (const o of busy) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ImportBusy);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(
      IMPORT_QUEUE,
    );
  });

  it("H2: a file that takes longer than the time limit is refused as too slow", {
    timeout: 60_000,
  }, async () => {
    pool = createImportPool(50);
    await expect(pool.read({ text: rows(1000), seedAt: 1 })).rejects.toBeInstanceOf(ImportTooSlow);
  });
});
