import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readConfig } from "../src/config.ts";
import { mapDocumentName } from "@journeymap/protocol";
import { applyRetention, compactionPoint } from "@journeymap/storage";
import { removeDir, startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { connect } from "./support/clients.ts";

const log = (...ts: number[]) => ts.map((t, i) => ({ seq: i + 1, ts: t }));

describe("compactionPoint", () => {
  it("is the last row received before the cutoff", () => {
    expect(compactionPoint(log(1, 2, 3, 10, 11), 5, null)).toBe(3);
  });

  it("is null when nothing, or only the first row, is older than the cutoff", () => {
    expect(compactionPoint(log(10, 11), 5, null)).toBeNull();
    expect(compactionPoint(log(1, 11), 5, null)).toBeNull();
    expect(compactionPoint([], 5, null)).toBeNull();
  });

  it("never passes a named version's moment", () => {
    expect(compactionPoint(log(1, 2, 3, 4), 100, 2)).toBe(2);
    expect(compactionPoint(log(1, 2, 3, 4), 100, 1)).toBeNull();
  });

  it("starts from a log already compacted", () => {
    const compacted = [
      { seq: 40, ts: 1 },
      { seq: 41, ts: 2 },
      { seq: 42, ts: 9 },
    ];
    expect(compactionPoint(compacted, 5, null)).toBe(41);
    expect(compactionPoint(compacted.slice(0, 1), 5, null)).toBeNull();
  });
});

describe("history retention on a running server", () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
    if (server) removeDir(server.dataDir);
  });

  it("compacts old edits while people keep editing, and says which moments are gone", async () => {
    server = await startServer();
    const mapId = await createMap(server, { title: "Retained" });
    const ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
    const editor = new MapEditor(ana.doc);
    for (let i = 0; i < 5; i++) {
      editor.addPhase({ name: `Phase ${i}` });
      await ana.confirmed();
    }
    const { last } = await server.store.logBounds(mapDocumentName(mapId));

    // Everything so far is older than the window: compacted into one row.
    expect(await applyRetention(server.store, 1, Date.now() + 10)).toBe(last - 1);
    expect(await server.store.logBounds(mapDocumentName(mapId))).toEqual({ first: last, last });

    // Editing goes on with the next sequence number; a fresh client loads the whole map.
    editor.addPhase({ name: "After retention" });
    await ana.confirmed();
    expect((await server.store.logBounds(mapDocumentName(mapId))).last).toBe(last + 1);
    const ben = await connect(server, mapDocumentName(mapId), undefined, "Ben");
    expect(readJourneyMap(ben.doc)).toEqual(readJourneyMap(ana.doc));

    const state = (seq: number) =>
      fetch(`${server.url}/api/maps/${mapId}/state?seq=${seq}`, {
        headers: { authorization: `Bearer ${ownerToken(mapId)}` },
      });
    const gone = await state(2);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: string }).error).toMatch(
      new RegExp(`earliest moment that can be replayed is seq ${last}`),
    );
    const kept = await state(last);
    expect(kept.status).toBe(200);
    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, new Uint8Array(await kept.arrayBuffer()));
    expect(readJourneyMap(replayed).phases.map((p) => p.name)).toContain("Phase 4");
    ana.destroy();
    ben.destroy();
  });
});

describe("HISTORY_RETENTION_DAYS", () => {
  it("keeps all history by default and refuses a window that is not a positive number", () => {
    expect(readConfig({}).historyRetentionDays).toBeNull();
    expect(readConfig({ HISTORY_RETENTION_DAYS: "90" }).historyRetentionDays).toBe(90);
    expect(() => readConfig({ HISTORY_RETENTION_DAYS: "0" })).toThrow(/HISTORY_RETENTION_DAYS/);
    expect(() => readConfig({ HISTORY_RETENTION_DAYS: "forever" })).toThrow(
      /HISTORY_RETENTION_DAYS/,
    );
  });
});
