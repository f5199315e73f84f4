/**
 * The board's freshness (issue 18): the server's last changes combined with the live map.
 * Nothing fades before the server answered; a verification made in the document un-fades its
 * phase within a moment and tells subscribers; a new edit asks the server again; a burst of
 * edits is one computation after it, not one per edit (issue 15, B12).
 */
import type { LastChangeTable } from "@journeymap/protocol/http";
import {
  createMapFromTemplate,
  DAY_MS,
  LOCAL_ORIGIN,
  MapEditor,
  MapReader,
  markVerified,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { FreshnessStore, RECOMPUTE_WITHIN_MS } from "../../src/freshness/FreshnessStore.ts";
import { createAttributionCache } from "../../src/sync/attributionCache.ts";

/** A template map at day 300 whose steps the server last saw changed on day 10 (all stale). */
function staleMap() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const map = readJourneyMap(doc);
  const changes = Object.fromEntries(
    map.touchpoints.map((tp) => [`touchpoint:${tp.id}`, { at: 10 * DAY_MS, by: "Ana" }]),
  );
  return { doc, map, now: 300 * DAY_MS, changes };
}

it("fades only after the server answered, and a phase's verification un-fades it for everyone", async () => {
  const { doc, map, now, changes } = staleMap();
  let asked = 0;
  let answer: (table: LastChangeTable) => void = () => {};
  const table = createAttributionCache<LastChangeTable>(() => {
    asked++;
    return new Promise((resolve) => (answer = resolve));
  });
  const reader = new MapReader(doc);
  const store = new FreshnessStore(doc, reader, table, () => now);
  let told = 0;
  store.subscribe(() => told++);
  const stop = store.start();
  try {
    expect(asked).toBe(1);
    expect(store.read()).toBeNull();
    answer({ seq: 1, changes });
    await expect.poll(() => store.read()?.stale ?? 0).toBe(map.touchpoints.length);

    const phase = map.phases[0]!.id;
    const before = told;
    markVerified(doc, [{ kind: "phase", id: phase }], "Ben", {
      origin: LOCAL_ORIGIN,
      now: () => now,
    });
    await expect.poll(() => told, { timeout: 10_000 }).toBeGreaterThan(before);
    const after = store.read()!;
    expect(after.phases.find((p) => p.phaseId === phase)?.stale).toBe(0);
    expect(after.stale).toBe(
      map.touchpoints.length - (map.touchpointsByPhase.get(phase)?.length ?? 0),
    );
    // An edit of the document asks the server again (once the short pause has passed).
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(2);
  } finally {
    stop();
    reader.destroy();
  }
});

it("computes once after a burst of edits, never inside them", async () => {
  const { doc, map, now, changes } = staleMap();
  const table = createAttributionCache<LastChangeTable>(async () => ({ seq: 1, changes }));
  const reader = new MapReader(doc);
  const store = new FreshnessStore(doc, reader, table, () => now);
  let told = 0;
  store.subscribe(() => told++);
  const stop = store.start();
  try {
    await expect.poll(() => store.read()?.stale ?? 0).toBe(map.touchpoints.length);
    await new Promise((resolve) => setTimeout(resolve, RECOMPUTE_WITHIN_MS * 2));
    const before = store.read();
    const toldBefore = told;
    // Twenty remote keystrokes in a row, the board reading freshness after each, as React does.
    const editor = new MapEditor(doc);
    const step = map.touchpoints[0]!;
    const seen = new Set<unknown>();
    for (let i = 0; i < 20; i++) {
      editor.updateTouchpoint(step.id, { name: `${step.name} ${i}` });
      seen.add(store.read());
    }
    expect(seen).toEqual(new Set([before]));
    expect(told).toBe(toldBefore);
    await expect.poll(() => told, { timeout: 10_000 }).toBe(toldBefore + 1);
    expect(store.read()).not.toBe(before);
    expect(store.read()?.byKey.get(`touchpoint:${step.id}`)?.title).toBe(`${step.name} 19`);
  } finally {
    stop();
    reader.destroy();
  }
});
