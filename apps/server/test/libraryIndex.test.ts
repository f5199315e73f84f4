/**
 * The journey library's index (issue 19): each map's summary is written from the update path
 * shortly after an edit, for maps nobody opened (made over HTTP) by the sweep, and again for
 * every map after a start with a newer index version.
 */
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import { MapEditor } from "@journeymap/schema";
import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { LIBRARY_INDEX_VERSION, type LibrarySink } from "../src/library/MapIndexer.ts";
import { connect } from "./support/clients.ts";
import { createMap } from "./support/maps.ts";
import { startServer } from "./support/server.ts";
import { summaryOf } from "./support/summaries.ts";

describe("the library index", () => {
  it("summarises a map made over HTTP, and an edit on the live map soon after", async () => {
    const server = await startServer();
    try {
      const mapId = await createMap(server, { title: "Onboarding" });
      const first = await summaryOf(server, mapId);
      expect(first.title).toBe("Onboarding");
      expect(first.steps.length).toBeGreaterThan(0);
      expect(first.personas.length).toBeGreaterThan(0);

      const ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
      const editor = new MapEditor(ana.doc);
      const step = first.steps[0]!;
      editor.updateTouchpoint(step.id as never, { name: "Verifies email" });
      editor.addCard({
        touchpointId: step.id as never,
        kind: "painPoint",
        title: "Email never arrives",
        rating: 5,
      });
      const edited = Date.now();
      const after = await summaryOf(
        server,
        mapId,
        (s) => s.steps[0]?.name === "Verifies email" && s.cards.length > first.cards.length,
      );
      console.info(`summary current ${Date.now() - edited} ms after the edit`);
      const card = after.cards.find((c) => c.title === "Email never arrives");
      expect(card).toMatchObject({ kind: "painPoint", rating: 5, stepId: step.id, status: "open" });
      const [row] = await server.store.library().summaries([mapId]);
      expect(row!.version).toBe(LIBRARY_INDEX_VERSION);
      expect(row!.seq).toBeGreaterThan(1);
      ana.destroy();
    } finally {
      await server.dispose();
    }
  });

  it("indexes every map again after a start with another index version, talk documents too", async () => {
    const first = await startServer();
    const dataDir = first.dataDir;
    const mapId = await createMap(first, { title: "Support" });
    await summaryOf(first, mapId);
    const [row] = await first.store.library().summaries([mapId]);
    await first.store.library().putSummary({ ...row!, version: LIBRARY_INDEX_VERSION - 1 });
    await first.close();

    const seen: string[] = [];
    const sink: LibrarySink = {
      name: "test",
      async indexMap(id: string, _doc: Y.Doc) {
        seen.push(mapDocumentName(id));
      },
      async indexTalk(id: string, _doc: Y.Doc) {
        seen.push(talkDocumentName(id));
      },
    };
    const again = await startServer({ dataDir, librarySinks: [sink] });
    try {
      await summaryOf(again, mapId);
      const deadline = Date.now() + 20_000;
      while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(seen).toEqual([talkDocumentName(mapId), mapDocumentName(mapId)]);
      const [fresh] = await again.store.library().summaries([mapId]);
      expect(fresh!.version).toBe(LIBRARY_INDEX_VERSION);
    } finally {
      await again.dispose();
    }
  });
});
