/**
 * Freshness on the server (issue 18): the last change of each thing by its server-known
 * author, still right after retention compacted the log and the server restarted (INV-F1);
 * a map's freshness in numbers; and the periodic check announcing each item's staleness once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import { LastChangeTable, type MapEvent, MapFreshnessSummary } from "@journeymap/protocol/http";
import {
  createMapFromTemplate,
  DAY_MS,
  LOCAL_ORIGIN,
  MapEditor,
  markVerified,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import { applyRetention, SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { testMap } from "@journeymap/storage/testing";
import * as Y from "yjs";
import { afterAll, describe, expect, it } from "vitest";
import { EventBus } from "../src/events/EventBus.ts";
import { FreshnessService } from "../src/freshness/FreshnessService.ts";
import { checkStaleness } from "../src/freshness/staleCheck.ts";
import { connect } from "./support/clients.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { startServer, type TestServer } from "./support/server.ts";

const get = (server: TestServer, mapId: string, route: string) =>
  fetch(`${server.url}/api/maps/${mapId}/${route}`, {
    headers: { authorization: `Bearer ${ownerToken(mapId)}` },
  });

describe("last changes on a running server", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    if (server) await server.dispose();
  });

  it("INV-F1: names who last changed each step, also after retention and a restart", async () => {
    server = await startServer();
    const dataDir = server.dataDir;
    const mapId = await createMap(server, { title: "Fresh" });
    const editor = (await shareLink(server, mapId, ROLE.editor)).token;
    const ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
    const ben = await connect(server, mapDocumentName(mapId), editor, "Ben");
    const [t0, t1] = readJourneyMap(ana.doc).touchpoints;
    new MapEditor(ana.doc).updateTouchpoint(t0!.id, { name: "Ana's step" });
    await ana.confirmed();
    new MapEditor(ben.doc).updateTouchpoint(t1!.id, { name: "Ben's step" });
    await ben.confirmed();
    const before = LastChangeTable.parse(await (await get(server, mapId, "freshness")).json());
    expect(before.changes[`touchpoint:${t0!.id}`]?.by).toBe("Ana");
    expect(before.changes[`touchpoint:${t1!.id}`]?.by).toBe("Ben");
    ana.destroy();
    ben.destroy();

    // Everything is compacted into one row; a restarted server has no index in memory.
    expect(await applyRetention(server.store, 1, Date.now() + 10)).toBeGreaterThan(0);
    await server.close();
    server = await startServer({ dataDir });
    const after = LastChangeTable.parse(await (await get(server, mapId, "freshness")).json());
    expect(after.changes).toEqual(before.changes);

    const summary = MapFreshnessSummary.parse(
      await (await get(server, mapId, "freshness/summary")).json(),
    );
    expect(summary).toMatchObject({ reviewAfterDays: 90, stale: 0 });
    expect(summary.items).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/maps/${mapId}/freshness`)).status).toBe(401);
  }, 60_000);
});

describe("the periodic staleness check", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-stale-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("announces each item once when it goes stale, and again after a verification ages", async () => {
    const store = new SqliteMapStore(storeFileIn(dir));
    try {
      const doc = new Y.Doc();
      const pending: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => pending.push(u));
      createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
      // Seeded 100 days ago: rows received then.
      await store.createMap(
        testMap("mapSTALE001", "Stale", DAY_MS, Y.mergeUpdates(pending.splice(0))),
      );
      const freshness = new FreshnessService(store);
      const emitted: MapEvent[] = [];
      const events = new EventBus({ error: () => {} });
      events.on((event) => {
        emitted.push(event);
      });
      const deps = { catalog: store, freshness, events, log: { error: () => {} } };
      const items = (await freshness.mapFreshness("mapSTALE001", 2 * DAY_MS)).items.length;

      // Day 91 + a bit: every item went stale since the last check (day 90).
      expect(await checkStaleness(deps, 90 * DAY_MS, 92 * DAY_MS)).toBe(items);
      expect(emitted[0]).toMatchObject({ type: "item.stale", mapId: "mapSTALE001" });
      expect(emitted[0]?.data).toMatchObject({ lastReviewedAt: DAY_MS });
      // The next check announces nothing again.
      expect(await checkStaleness(deps, 92 * DAY_MS, 93 * DAY_MS)).toBe(0);

      // Someone verifies the first phase on day 100: its items go stale again on day 190.
      const phase = readJourneyMap(doc).phases[0]!.id;
      markVerified(doc, [{ kind: "phase", id: phase }], "Ana", {
        origin: LOCAL_ORIGIN,
        now: () => 100 * DAY_MS,
      });
      for (const bytes of pending.splice(0)) {
        await store.appendUpdate({
          doc: mapDocumentName("mapSTALE001"),
          ts: 100 * DAY_MS,
          author: "ana",
          clientIds: [doc.clientID],
          origin: "connection",
          bytes,
        });
      }
      expect(await checkStaleness(deps, 100 * DAY_MS, 189 * DAY_MS)).toBe(0);
      const again = await checkStaleness(deps, 189 * DAY_MS, 191 * DAY_MS);
      const inPhase = (await freshness.mapFreshness("mapSTALE001", 191 * DAY_MS)).phases[0]!.items;
      expect(again).toBe(inPhase);
    } finally {
      await store.close();
    }
  }, 60_000);
});
