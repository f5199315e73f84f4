/**
 * Lean chunk starts (issue 16, R7): the first request is answered with the full state and the
 * map's lean starts are made in the background; then a chunk start comes without the deleted
 * content the next LEAN_REACH rows do not name, with the last row it may be brought to, and
 * every row up to there applied to it shows what the full replay shows. Real SQLite store, real
 * server and client for the route.
 */
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import { THROUGH_HEADER } from "@journeymap/protocol/http";
import { CHUNK, decodeRowFrames, LEAN_REACH, MapEditor, readJourneyMap } from "@journeymap/schema";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import { testMap } from "@journeymap/storage/testing";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HistoryService } from "../src/history/HistoryService.ts";
import { type Client, connect } from "./support/clients.ts";
import { createMap, ownerToken, shareLink } from "./support/maps.ts";
import { removeDir, startServer, type TestServer, tempDir } from "./support/server.ts";

const MAP = "historyLean01";
const DOC = mapDocumentName(MAP);
const ROWS = CHUNK + LEAN_REACH + 200;

/** Title edits, one row each (every one deletes the title before): the rows as logged. */
async function logTitles(
  store: SqliteMapStore,
  count: number,
  since = 1000,
): Promise<Uint8Array[]> {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => rows.push(u));
  const editor = new MapEditor(doc);
  editor.updateMeta({ title: "Title 0" });
  await store.createMap(testMap(MAP, "History", 1, rows[0]!));
  for (let i = 1; i < count; i++) {
    editor.updateMeta({ title: `Title ${i}`, description: `About ${i}` });
    await store.appendUpdate({
      doc: DOC,
      ts: since + i,
      author: "Hana",
      clientIds: [doc.clientID],
      origin: "connection",
      bytes: rows[i]!,
    });
  }
  return rows;
}

describe("HistoryService.leanStart", () => {
  let dir: string;
  let store: SqliteMapStore;
  beforeEach(() => {
    dir = tempDir();
    store = new SqliteMapStore(storeFileIn(dir));
  });
  afterEach(async () => {
    await store.close();
    removeDir(dir);
  });

  it("makes lean starts in the background, each exact for every row up to its end", async () => {
    const rows = await logTitles(store, ROWS);
    const history = new HistoryService(store);
    expect(await history.leanStart(MAP, CHUNK)).toBe("coming"); // the full state serves meanwhile
    await history.leanStartsMade();
    const lean = await history.leanStart(MAP, CHUNK);
    if (typeof lean !== "object") throw new Error(`no lean start: ${lean}`);
    expect(lean.through).toBe(CHUNK + LEAN_REACH);
    const full = await history.stateAt(MAP, CHUNK);
    expect(lean.state.byteLength).toBeLessThan(full.byteLength / 2);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, lean.state);
    const replay = new Y.Doc();
    for (const row of rows.slice(0, CHUNK)) Y.applyUpdate(replay, row);
    for (const row of rows.slice(CHUNK, lean.through)) {
      Y.applyUpdate(doc, row);
      Y.applyUpdate(replay, row);
      expect(readJourneyMap(doc).meta).toEqual(readJourneyMap(replay).meta);
    }
    // A chunk start whose LEAN_REACH rows are not all logged yet, or not a chunk start: none,
    // and none coming (a client fetching ahead takes the full state instead of asking again).
    expect(await history.leanStart(MAP, 2 * CHUNK)).toBe("none");
    expect(await history.leanStart(MAP, CHUNK + 1)).toBe("none");
    expect(await history.leanStart(MAP, 0)).toBe("none");
  });

  it("stops serving a lean start once the log no longer holds its last row as it was", async () => {
    await logTitles(store, ROWS);
    const history = new HistoryService(store);
    await history.leanStart(MAP, CHUNK);
    await history.leanStartsMade();
    expect(await history.leanStart(MAP, CHUNK)).toHaveProperty("through", CHUNK + LEAN_REACH);
    // The log replaced (a map restored from an archive under the same id): other rows.
    await store.purgeMap(MAP);
    await logTitles(store, ROWS, 5000);
    expect(await history.leanStart(MAP, CHUNK)).toBe("coming");
  });
});

describe("GET /api/maps/{id}/state?lean=1", () => {
  let server: TestServer;
  let mapId: string;
  let ana: Client;
  beforeAll(async () => {
    server = await startServer();
    mapId = await createMap(server, { title: "Lean" });
    ana = await connect(server, mapDocumentName(mapId), undefined, "Ana");
    const editor = new MapEditor(ana.doc);
    // Two fields a row, so Yjs cannot merge the deleted values into one struct. A loaded server
    // may log several edits that arrive together as one row: edit until the log is long enough.
    for (let i = 0; (await logged()) < ROWS; ) {
      for (const end = i + 200; i < end; i++) {
        editor.updateMeta({ title: `Title ${i}`, description: `${i}` });
      }
      await ana.confirmed();
    }
  }, 120_000);
  afterAll(async () => {
    ana.destroy();
    await server.dispose();
  });

  function get(path: string, token = ownerToken(mapId)) {
    return fetch(`${server.url}/api/maps/${mapId}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }
  async function logged(): Promise<number> {
    return ((await (await get("/timeline")).json()) as { seq: number }).seq;
  }

  it("answers the full state first, then the lean one with the last row it may be brought to", async () => {
    expect(await logged()).toBeGreaterThanOrEqual(CHUNK + LEAN_REACH);
    const first = await get(`/state?seq=${CHUNK}&lean=1`);
    expect(first.status).toBe(200);
    expect(first.headers.get(THROUGH_HEADER)).toBeNull();
    const full = new Uint8Array(await first.arrayBuffer());
    // Fetching ahead (full=0): nothing while it is made, rather than the full state again.
    const ahead = await get(`/state?seq=${CHUNK}&lean=1&full=0`);
    expect([204, 200]).toContain(ahead.status);
    if (ahead.status === 204) expect((await ahead.arrayBuffer()).byteLength).toBe(0);
    else expect(ahead.headers.get(THROUGH_HEADER)).toBe(String(CHUNK + LEAN_REACH));

    let lean: Response | null = null;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const res = await get(`/state?seq=${CHUNK}&lean=1`);
      if (res.headers.get(THROUGH_HEADER)) {
        lean = res;
        break;
      }
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lean?.headers.get(THROUGH_HEADER)).toBe(String(CHUNK + LEAN_REACH));
    const state = new Uint8Array(await lean!.arrayBuffer());
    expect(state.byteLength).toBeLessThan(full.byteLength);

    // The lean state with the rows up to its end shows what the full state with them shows.
    const through = CHUNK + LEAN_REACH;
    const frames = [];
    for (let from = CHUNK + 1; from <= through; ) {
      const page = decodeRowFrames(
        new Uint8Array(await (await get(`/updates?from=${from}&to=${through}`)).arrayBuffer()),
      );
      frames.push(...page);
      from = page.at(-1)!.seq + 1;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, full);
    for (const frame of frames) {
      Y.applyUpdate(doc, frame.bytes);
      Y.applyUpdate(replay, frame.bytes);
    }
    expect(readJourneyMap(doc)).toEqual(readJourneyMap(replay));
    // Made, fetching ahead gets it too.
    const made = await get(`/state?seq=${CHUNK}&lean=1&full=0`);
    expect(made.headers.get(THROUGH_HEADER)).toBe(String(CHUNK + LEAN_REACH));
    expect(new Uint8Array(await made.arrayBuffer())).toEqual(state);
    // A moment no lean state will be made for: the full state, even fetching ahead.
    const never = await get(`/state?seq=${CHUNK + 1}&lean=1&full=0`);
    expect(never.status).toBe(200);
    expect(never.headers.get(THROUGH_HEADER)).toBeNull();
    expect(new Uint8Array(await never.arrayBuffer())).toEqual(
      new Uint8Array(await (await get(`/state?seq=${CHUNK + 1}`)).arrayBuffer()),
    );
    // A viewer's link reads it too; without access, nothing.
    const viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
    expect((await get(`/state?seq=${CHUNK}&lean=1`, viewer)).status).toBe(200);
    expect((await get(`/state?seq=${CHUNK}&lean=1`, "nope")).status).toBe(401);
  }, 120_000);
});
