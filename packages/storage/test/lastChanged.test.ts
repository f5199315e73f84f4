/**
 * Freshness across retention (issue 18, INV-F1), on both stores: after retention compacts a
 * map's old rows, replaying the log with the summary it kept gives every thing's real last
 * change (who, when), as the full log did; a second compaction chains the summaries.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName } from "@journeymap/protocol";
import {
  createMapFromTemplate,
  LastChangedIndex,
  type LastChangedSummary,
  LOCAL_ORIGIN,
  MapEditor,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  applyRetention,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable, testMap } from "../src/testing/index.ts";

const DAY = 24 * 60 * 60 * 1000;
const MAP = "mapFRESH001";
const DOC = mapDocumentName(MAP);

async function replayed(store: MapStore, summary: LastChangedSummary | null) {
  const { first, last } = await store.logBounds(DOC);
  const index = new LastChangedIndex(summary);
  for (const r of await store.readUpdates(DOC, first, last)) {
    index.apply(r.bytes, { seq: r.seq, ts: r.ts, author: r.author });
  }
  const out = new Map(index.entries());
  index.destroy();
  return out;
}

function freshnessContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose: () => Promise<void> }>,
) {
  describe(`${name}: last changes across retention`, () => {
    it("INV-F1: keeps every thing's last change when retention compacts, twice over", async () => {
      const { store, dispose } = await open();
      try {
        const doc = new Y.Doc();
        const pending: Uint8Array[] = [];
        doc.on("update", (u: Uint8Array) => pending.push(u));
        createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
        await store.createMap(testMap(MAP, "Fresh", 1, Y.mergeUpdates(pending.splice(0))));
        const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
        const log = async (author: string, ts: number) => {
          for (const bytes of pending.splice(0)) {
            await store.appendUpdate({
              doc: DOC,
              ts,
              author,
              clientIds: [1],
              origin: "connection",
              bytes,
            });
          }
        };
        const [t0, t1, t2] = readJourneyMap(doc).touchpoints;
        editor.updateTouchpoint(t0!.id, { name: "Ana's" });
        await log("ana", 10 * DAY);
        editor.updateTouchpoint(t1!.id, { name: "Ben's" });
        await log("ben", 20 * DAY);
        editor.updateTouchpoint(t2!.id, { name: "Cy's" });
        await log("cy", 40 * DAY);
        editor.updateTouchpoint(t1!.id, { name: "Dee's" });
        await log("dee", 80 * DAY);
        const full = await replayed(store, null);
        expect(await store.readLastChanged(MAP)).toBeNull();

        // Keep 45 days at day 60: rows up to Ben's are merged into one "retention" row.
        expect(await applyRetention(store, 45 * DAY, 60 * DAY)).toBeGreaterThan(0);
        const [compacted] = await store.readUpdates(DOC, 1, (await store.logBounds(DOC)).first);
        expect(compacted?.author).toBe("retention");
        const once = await store.readLastChanged(MAP);
        expect(await replayed(store, once)).toEqual(full);
        expect((await replayed(store, once)).get(`touchpoint:${t0!.id}`)).toMatchObject({
          author: "ana",
          ts: 10 * DAY,
        });

        // Everything older than a day at day 90: the compacted row is merged again.
        expect(await applyRetention(store, DAY, 90 * DAY)).toBeGreaterThan(0);
        const twice = await store.readLastChanged(MAP);
        expect(twice?.uptoSeq).toBeGreaterThan(once?.uptoSeq ?? 0);
        expect(await replayed(store, twice)).toEqual(full);

        // Purging the map purges its summary.
        await store.trashMap(MAP, 100 * DAY);
        await store.purgeMap(MAP);
        expect(await store.readLastChanged(MAP)).toBeNull();
      } finally {
        await store.close();
        await dispose();
      }
    });
  });
}

freshnessContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-fresh-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const available = await postgresAvailable();
describe.runIf(available)("PostgreSQL", () => {
  freshnessContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
