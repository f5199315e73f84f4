/**
 * History read paths under attack: one request must not be able to make the server replay a
 * log that does not exist (H1) or build a huge answer in memory (H3), and the canary's edits
 * keep flowing meanwhile.
 */
import { decodeRowFrames, HistoryPlayer, type RowFrame } from "@journeymap/schema";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ROWS_PAGE_BYTES } from "../src/http/historyRoutes.ts";
import { type CanaryReport, expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { mapDocumentName } from "@journeymap/protocol";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(() => server.dispose());

const get = (mapId: string, path: string) =>
  fetch(`${server.url}/api/maps/${mapId}${path}`, {
    headers: { authorization: `Bearer ${ownerToken(mapId)}` },
  });

/** A request's status and how long it took to answer (ms). */
async function timed(mapId: string, path: string) {
  const started = performance.now();
  const res = await get(mapId, path);
  const body = new Uint8Array(await res.arrayBuffer());
  return { res, body, ms: performance.now() - started };
}

describe("history limits", () => {
  it("H1: a seq past the log's end answers 416 at once; far ranges and times answer at once", {
    timeout: 60_000,
  }, async () => {
    const mapId = await createMap(server);
    const last = (await server.store.logBounds(mapDocumentName(mapId))).last;
    const canary = await startCanary(server);
    let report: CanaryReport | undefined;
    try {
      // Kept up for a while, so the canary edits through the attack.
      const far = 9007199254740991;
      for (let deadline = performance.now() + 500; performance.now() < deadline; ) {
        for (const seq of [last + 1, far]) {
          const { res, ms } = await timed(mapId, `/state?seq=${seq}`);
          expect(res.status, `seq ${seq}`).toBe(416);
          expect(ms, `seq ${seq}`).toBeLessThan(1000);
        }
        const at = await timed(mapId, "/state?at=1e300");
        expect(at.res.status).toBe(200);
        expect(at.res.headers.get("x-journeymap-seq")).toBe(String(last));
        for (const path of [
          `/history?from=${far}`,
          `/history?from=1&to=${far}`,
          `/updates?from=${far}&to=${far}`,
          `/updates?from=1&to=${far}`,
        ]) {
          const { res, ms } = await timed(mapId, path);
          expect(res.status, path).toBe(200);
          expect(ms, path).toBeLessThan(1000);
        }
      }
    } finally {
      // Stopped either way; judged only after the attack's own checks passed.
      report = await canary.stop();
    }
    expectCanaryHealthy(report);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("H3: a page of logged rows stops at its byte limit, and the history player pages on", {
    timeout: 60_000,
  }, async () => {
    const mapId = await createMap(server);
    // Rows of 300 KB each, written straight to the log (as long-lived maps accumulate).
    const rowBytes = 300 * 1024;
    const live = new Y.Doc();
    const text = live.getText("big");
    for (let i = 0; i < 8; i++) {
      const before = Y.encodeStateVector(live);
      text.insert(text.length, String(i).repeat(rowBytes));
      await server.store.appendUpdate({
        doc: mapDocumentName(mapId),
        ts: Date.now(),
        author: "attacker",
        clientIds: [live.clientID],
        origin: "connection",
        bytes: Y.encodeStateAsUpdate(live, before),
      });
    }
    const last = (await server.store.logBounds(mapDocumentName(mapId))).last;
    const canary = await startCanary(server);
    let report: CanaryReport | undefined;
    try {
      const pages = await Promise.all(
        Array.from({ length: 8 }, () => timed(mapId, `/updates?from=1&to=${last}`)),
      );
      for (const { res, body } of pages) {
        expect(res.status).toBe(200);
        const rows = decodeRowFrames(body);
        expect(rows.length).toBeGreaterThan(0);
        const updateBytes = rows.reduce((n, r) => n + r.bytes.length, 0);
        expect(updateBytes).toBeLessThanOrEqual(MAX_ROWS_PAGE_BYTES);
        expect(body.byteLength).toBe(updateBytes + 8 * rows.length);
        expect(rows.at(-1)!.seq).toBeLessThan(last);
      }
      // A single row larger than the page still comes back (alone), so paging moves on.
      const big = await timed(mapId, `/updates?from=2&to=2`);
      expect(decodeRowFrames(big.body).map((r) => r.seq)).toEqual([2]);

      // The browser's player, fed by the real routes, replays across the pages exactly.
      const player = new HistoryPlayer({
        state: async (seq) => (await timed(mapId, `/state?seq=${seq}`)).body,
        rows: async (from, to): Promise<RowFrame[]> =>
          decodeRowFrames((await timed(mapId, `/updates?from=${from}&to=${to}`)).body),
      });
      await player.seek(1);
      const end = await player.seek(last);
      expect(end.doc.getText("big").toString()).toBe(text.toString());
    } finally {
      // Stopped either way; judged only after the attack's own checks passed.
      report = await canary.stop();
    }
    expectCanaryHealthy(report);
  });
});
