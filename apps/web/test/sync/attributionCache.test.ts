import type { AttributionTable } from "@journeymap/protocol/http";
import { describe, expect, it } from "vitest";
import { createAttributionCache, MIN_REFRESH_MS } from "../../src/sync/attributionCache.ts";

/** A table source that answers when told to, counting the requests it got. */
function source() {
  const asked: Array<(table: AttributionTable) => void> = [];
  const fetchTable = () => new Promise<AttributionTable>((resolve) => asked.push(resolve));
  const answer = async (seq: number) => {
    asked.shift()?.({ seq, targets: {} });
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, fetchTable, answer };
}

describe("createAttributionCache", () => {
  it("R6: asks nothing until shown, then once for every step and card", async () => {
    const { asked, fetchTable, answer } = source();
    const cache = createAttributionCache(fetchTable, () => 0);
    expect(asked).toHaveLength(0);
    cache.request();
    cache.request();
    expect(asked).toHaveLength(1);
    let heard = 0;
    cache.subscribe(() => heard++);
    await answer(7);
    expect(cache.read()?.seq).toBe(7);
    expect(heard).toBe(1);
    cache.request();
    expect(asked).toHaveLength(0);
  });

  it("R6: asks again only after the map changed, and not more often than the pause", async () => {
    const { asked, fetchTable, answer } = source();
    let clock = 0;
    const cache = createAttributionCache(fetchTable, () => clock);
    cache.request();
    await answer(1);
    cache.markChanged();
    cache.request();
    expect(asked).toHaveLength(0);
    clock += MIN_REFRESH_MS;
    cache.request();
    expect(asked).toHaveLength(1);
    await answer(2);
    expect(cache.read()?.seq).toBe(2);
  });

  it("R6: a request too soon after an answer is made once the pause is over", async () => {
    const { asked, fetchTable, answer } = source();
    const start = Date.now();
    const cache = createAttributionCache(fetchTable);
    cache.request();
    await answer(1);
    cache.markChanged();
    cache.request();
    cache.request();
    expect(asked).toHaveLength(0);
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBe(1);
    expect(Date.now() - start).toBeGreaterThanOrEqual(MIN_REFRESH_MS - 50);
  });

  it("R6: a failed request keeps the last table and is retried on the next ask", async () => {
    let fail = true;
    let clock = 0;
    let calls = 0;
    const cache = createAttributionCache(
      () => {
        calls++;
        return fail
          ? Promise.reject(new Error("offline"))
          : Promise.resolve({ seq: 3, targets: {} });
      },
      () => clock,
    );
    cache.request();
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.read()).toBeNull();
    fail = false;
    clock += MIN_REFRESH_MS;
    cache.request();
    await expect.poll(() => cache.read()?.seq).toBe(3);
    expect(calls).toBe(2);
  });
});
