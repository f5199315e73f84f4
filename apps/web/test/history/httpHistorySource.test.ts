// biome-ignore lint/style/noRestrictedImports: this test runs in Node, with a real server for the worker's fetch to reach
import { createServer, type Server } from "node:http";
import { CHUNK, encodeRowFrames, readJourneyMap, type RowFrame } from "@journeymap/schema";
import { loggedMap } from "@journeymap/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { THROUGH_HEADER } from "@journeymap/protocol/http";
import { httpHistorySource } from "../../src/history/httpHistorySource.ts";
import { replayOverChannel } from "../support/replayChannel.ts";

// A log of real rows past the first chunk: steps added, a phase renamed.
const { live, rows, ana, mapAt } = loggedMap();
const phase = readJourneyMap(live).phases[0]!.id;
for (let i = 0; rows.length < CHUNK + 120; i++) {
  if (i % 3 === 0) ana.addTouchpoint({ phaseId: phase, name: `Step ${i}` });
  else ana.updatePhase(phase, { name: `Phase ${i}` });
}

const MAP = "map one/β"; // a slash and more: the id must travel encoded
const TOKEN = "share-token";
const COMPACTED = "History retention compacted that moment: the earliest is seq 40.";

/** Chunk starts asked for ahead (`full=0`) so far. */
const askedAhead = new Set<number>();

/** What the server heard: each request's path and query, and its authorization header. */
const heard: Array<{ url: string; authorization: string | undefined }> = [];

/**
 * The two history routes of one map, as the server answers them: a state, rows 200 at most per
 * page, refusals as `{ "error": … }`. Map "compacted" is refused with 410; "broken" with a
 * proxy's 500 page (not JSON).
 */
function historyServer(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    heard.push({ url: req.url ?? "", authorization: req.headers.authorization });
    const route = /^\/api\/maps\/([^/]+)\/(state|updates)$/.exec(url.pathname);
    const mapId = route ? decodeURIComponent(route[1]!) : null;
    const at = (name: string) => Number(url.searchParams.get(name));
    if (mapId === "broken") {
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
    } else if (mapId === "compacted") {
      res.writeHead(410, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: COMPACTED }));
    } else if (mapId !== MAP) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "Map not found." }));
    } else {
      let body: Uint8Array;
      if (route?.[2] === "state") body = Y.mergeUpdates(rows.slice(0, at("seq")));
      else {
        const frames: RowFrame[] = [];
        const last = Math.min(at("to"), at("from") + 199, rows.length);
        for (let seq = at("from"); seq <= last; seq++) frames.push({ seq, bytes: rows[seq - 1]! });
        body = encodeRowFrames(frames);
      }
      // Asked lean, a chunk start past the first is said to be good for ten rows; asked ahead
      // (full=0), it is still being made the first time.
      const lean = route?.[2] === "state" && url.searchParams.get("lean") === "1" && at("seq") > 0;
      if (lean && url.searchParams.get("full") === "0" && !askedAhead.has(at("seq"))) {
        askedAhead.add(at("seq"));
        res.writeHead(204).end();
        return;
      }
      const through = lean ? { [THROUGH_HEADER]: String(at("seq") + 10) } : {};
      res.writeHead(200, { "content-type": "application/octet-stream", ...through }).end(body);
    }
  });
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = historyServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

describe("the history routes fetched without the page (httpHistorySource)", () => {
  it("answers states and row frames, with the map's id encoded and the token as a bearer", async () => {
    heard.length = 0;
    const source = httpHistorySource({ mapId: MAP, token: TOKEN, base });
    expect(await source.state(30)).toEqual(Y.mergeUpdates(rows.slice(0, 30)));
    const frames = await source.rows(5, 9);
    expect(frames.map((f) => f.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(frames.map((f) => f.bytes)).toEqual(rows.slice(4, 9));
    expect(heard).toEqual([
      { url: "/api/maps/map%20one%2F%CE%B2/state?seq=30", authorization: `Bearer ${TOKEN}` },
      { url: "/api/maps/map%20one%2F%CE%B2/updates?from=5&to=9", authorization: `Bearer ${TOKEN}` },
    ]);
  });

  it("asks for lean chunk starts and reads the last row each may be brought to", async () => {
    heard.length = 0;
    const source = httpHistorySource({ mapId: MAP, token: TOKEN, base });
    expect(await source.start!(CHUNK)).toEqual({
      state: Y.mergeUpdates(rows.slice(0, CHUNK)),
      through: CHUNK + 10,
    });
    expect((await source.start!(0)).through).toBeNull(); // answered in full: no header
    expect(heard.map((h) => h.url)).toEqual([
      `/api/maps/map%20one%2F%CE%B2/state?seq=${CHUNK}&lean=1`,
      "/api/maps/map%20one%2F%CE%B2/state?seq=0&lean=1",
    ]);
  });

  it("fetching ahead, reads a start still being made as none yet", async () => {
    heard.length = 0;
    const source = httpHistorySource({ mapId: MAP, token: TOKEN, base });
    expect(await source.startAhead!(CHUNK)).toBeNull();
    expect(await source.startAhead!(CHUNK)).toEqual({
      state: Y.mergeUpdates(rows.slice(0, CHUNK)),
      through: CHUNK + 10,
    });
    expect(heard.map((h) => h.url)).toEqual([
      `/api/maps/map%20one%2F%CE%B2/state?seq=${CHUNK}&lean=1&full=0`,
      `/api/maps/map%20one%2F%CE%B2/state?seq=${CHUNK}&lean=1&full=0`,
    ]);
  });

  it("sends no authorization header when this browser holds no token", async () => {
    heard.length = 0;
    await httpHistorySource({ mapId: MAP, token: "", base }).state(3);
    expect(heard).toEqual([{ url: expect.any(String), authorization: undefined }]);
  });

  it("rejects with the server's own message, else with the status", async () => {
    const compacted = httpHistorySource({ mapId: "compacted", token: TOKEN, base });
    await expect(compacted.state(3)).rejects.toThrow(COMPACTED);
    await expect(compacted.rows(1, 10)).rejects.toThrow(COMPACTED);
    const broken = httpHistorySource({ mapId: "broken", token: TOKEN, base });
    await expect(broken.state(3)).rejects.toThrow(/^Request failed \(500\)$/);
  });
});

describe("the replay worker told the map's address", () => {
  it("fetches states and rows itself: the page is asked for none, the display is right", async () => {
    const told: string[] = [];
    const replay = replayOverChannel({ mapId: MAP, token: TOKEN, base }, (m) => told.push(m.kind));
    heard.length = 0;
    try {
      for (const seq of [rows.length, 7, CHUNK + 60, rows.length - 2]) {
        const at = await replay.seek(seq);
        expect(at.seq).toBe(seq);
        expect(readJourneyMap(at.doc), `seq ${seq}`).toEqual(await mapAt(seq));
      }
      expect(told.every((kind) => kind === "arrived")).toBe(true);
      expect(told).toHaveLength(4);
      expect(heard.some((h) => h.url.includes("/state?"))).toBe(true);
      expect(heard.some((h) => h.url.includes("/updates?"))).toBe(true);
    } finally {
      replay.close();
    }
  });

  it("fetches the log ahead once the view is quiet: a jump then asks for no rows", async () => {
    const replay = replayOverChannel({ mapId: MAP, token: TOKEN, base });
    heard.length = 0;
    try {
      await replay.seek(rows.length); // the open: one state
      // The first chunk's rows, fetched ahead: its last page (the server pages by 200 rows).
      const lastPage = `/api/maps/map%20one%2F%CE%B2/updates?from=401&to=${CHUNK}`;
      for (let waited = 0; !heard.some((h) => h.url === lastPage); waited += 20) {
        if (waited > 30_000) throw new Error(`never fetched ahead: ${JSON.stringify(heard)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      heard.length = 0;
      const at = await replay.seek(7);
      expect(readJourneyMap(at.doc)).toEqual(await mapAt(7));
      // The jump needs only the first chunk's rows (it starts from an empty document). A step
      // back the worker prepares while resting may still be asking for a chunk start.
      expect(heard.filter((h) => h.url.includes("/updates?"))).toEqual([]);
    } finally {
      replay.close();
    }
  }, 60_000);

  it("fails a seek with the server's message, as the page's notice shows it", async () => {
    const replay = replayOverChannel({ mapId: "compacted", token: TOKEN, base });
    try {
      await expect(replay.seek(10)).rejects.toThrow(COMPACTED);
    } finally {
      replay.close();
    }
  });
});
