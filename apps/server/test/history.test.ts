/**
 * The history API: edits with author, time and size; the exact state at any sequence number
 * or time; only for holders of a link to the map.
 */
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapDocumentName } from "@journeymap/protocol";
import { HISTORY_CHECKPOINT_EVERY } from "../src/history/HistoryService.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { type Client, connect } from "./support/clients.ts";

let server: TestServer;
let mapId: string;
let client: Client;
const titles: string[] = [];

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "Start" });
  client = await connect(server, mapDocumentName(mapId), undefined, "Hana");
  const editor = new MapEditor(client.doc);
  // Enough edits to cross a history checkpoint.
  for (let i = 0; i < HISTORY_CHECKPOINT_EVERY + 20; i++) {
    editor.updateMeta({ title: `Title ${i}` });
    titles.push(`Title ${i}`);
    if (i % 50 === 0) await client.confirmed();
  }
  await client.confirmed();
}, 60_000);

afterAll(async () => {
  client.destroy();
  await server.dispose();
});

const get = (path: string, token = ownerToken(mapId)) =>
  fetch(`${server.url}/api/maps/${mapId}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });

async function titleAt(query: string): Promise<{ title: string; seq: number }> {
  const res = await get(`/state?${query}`);
  expect(res.status).toBe(200);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return {
    title: readJourneyMap(doc).meta.title,
    seq: Number(res.headers.get("x-journeymap-seq")),
  };
}

describe("history API", () => {
  it("lists edits with author, time and size", async () => {
    const entries = (await (await get("/history?from=1&to=5")).json()) as Array<{
      seq: number;
      author: string;
      ts: number;
      bytes: number;
    }>;
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.author).toBe("server");
    expect(entries[1]?.author).toBe("Hana");
    expect(entries.every((e) => e.bytes > 0 && e.ts > 0)).toBe(true);
  });

  it("rebuilds the exact state at any sequence number, before and after a history checkpoint", async () => {
    // Row 1 is the seed; row i+2 set title i.
    expect((await titleAt("seq=1")).title).toBe("Start");
    for (const i of [
      0,
      7,
      HISTORY_CHECKPOINT_EVERY - 2,
      HISTORY_CHECKPOINT_EVERY - 1,
      HISTORY_CHECKPOINT_EVERY + 10,
    ]) {
      expect((await titleAt(`seq=${i + 2}`)).title).toBe(titles[i]);
    }
    expect((await titleAt("")).title).toBe(titles.at(-1));
  });

  it("finds the state at a time", async () => {
    const [row] = (await (await get("/history?from=40&to=40")).json()) as Array<{
      seq: number;
      ts: number;
    }>;
    const at = await titleAt(`at=${row!.ts}`);
    expect(at.seq).toBeGreaterThanOrEqual(40);
    expect((await titleAt("at=0")).seq).toBe(0);
  });

  it("refuses callers without a link to the map, and bad parameters", async () => {
    expect((await get("/history", "")).status).toBe(401);
    expect((await get("/history?from=-1")).status).toBe(400);
    expect((await get("/state?seq=abc")).status).toBe(400);
  });
});
