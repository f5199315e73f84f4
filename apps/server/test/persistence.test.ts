/**
 * Checkpoints and corrupt rows, with real providers on a real server.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { serverForTest } from "./support/server.ts";
import { createMap } from "./support/maps.ts";
import { connect, until } from "./support/clients.ts";

describe("persistence", () => {
  it("checkpoints cover only rows contained in the stored state, and loading from them is exact", async () => {
    const s = await serverForTest();
    const mapId = await createMap(s);
    const a = await connect(s, mapDocumentName(mapId));
    const editor = new MapEditor(a.doc);
    const phase = readJourneyMap(a.doc).phases[0]!;
    for (let i = 0; i < 10; i++) editor.addTouchpoint({ phaseId: phase.id, name: `step ${i}` });
    await a.confirmed();
    s.hocuspocus.flushPendingStores(); // starts the debounced store now; it runs asynchronously
    let stored = await s.store.loadDocument(mapDocumentName(mapId));
    for (let i = 0; i < 100 && stored.checkpointSeq === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      stored = await s.store.loadDocument(mapDocumentName(mapId));
    }
    expect(stored.checkpointSeq).toBeGreaterThan(1);
    expect(stored.checkpointSeq).toBe(await s.store.countUpdates(mapDocumentName(mapId)));
    expect(stored.updates).toHaveLength(1); // the checkpoint alone
    const b = await connect(s, mapDocumentName(mapId));
    expect(readJourneyMap(b.doc)).toEqual(readJourneyMap(a.doc));
    a.destroy();
    b.destroy();
  });

  it("answers a corrupt stored row with a clear refusal for that map only", async () => {
    const s = await serverForTest();
    const broken = await createMap(s);
    const healthy = await createMap(s);
    await s.store.appendUpdate({
      doc: mapDocumentName(broken),
      ts: 1,
      author: "disk",
      clientIds: [],
      origin: "server",
      bytes: new Uint8Array([9, 9, 9, 9, 250, 1, 2]),
    });
    await expect(connect(s, mapDocumentName(broken))).rejects.toThrow();
    expect(s.hocuspocus.getDocumentsCount()).toBe(0);
    const ok = await connect(s, mapDocumentName(healthy));
    const other = await connect(s, mapDocumentName(healthy));
    new MapEditor(ok.doc).updateMeta({ title: "still fine" });
    await until(other.doc, () => readJourneyMap(other.doc).meta.title === "still fine");
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    ok.destroy();
    other.destroy();
  });
});
