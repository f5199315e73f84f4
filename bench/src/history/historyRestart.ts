/**
 * After the scrub: the server restarted on the same store, once with the history checkpoints
 * it kept while serving (issue 16, R7) and once with them removed (as before they were kept),
 * so both conditions run on the same map, machine and minute. Each condition restarts twice:
 * once for state requests at random chunk starts (what the browser's player asks for; the
 * first one is where a restarted server used to replay the log), once for the first history
 * open in Chromium.
 */
import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import type { Browser } from "playwright-core";
import { startWebServer, type WebServer } from "../web/server.ts";
import { type BrowserMap, openOnce } from "./historyBrowser.ts";

/** The browser's chunk of rows: its player asks for states at multiples of this. */
const CHUNK = 500;
const STATE_REQUESTS = 10;

export interface Restarted {
  /** History checkpoints in the store at the restart. */
  readonly kept: number;
  /** The first state request after the restart, at a random chunk start (ms). */
  readonly firstState: number;
  /** The next STATE_REQUESTS, at other random chunk starts (ms, in order). */
  readonly states: readonly number[];
  /** The first history open after the restart, complete (ms). */
  readonly open: number;
}

export interface RestartResults {
  readonly kept: Restarted;
  readonly removed: Restarted;
}

/** Counts the map's kept checkpoints, and removes them when asked (the server is stopped). */
async function keptCheckpoints(dataDir: string, mapId: string, remove: boolean): Promise<number> {
  const store = new SqliteMapStore(storeFileIn(dataDir));
  try {
    const kept = store.historyCheckpoints();
    let n = 0;
    for (let at = Number.MAX_SAFE_INTEGER; ; ) {
      const found = await kept.nearest(mapId, at);
      if (!found) return n;
      n++;
      if (remove) await kept.drop(mapId, found.seq);
      at = found.seq - 1;
    }
  } finally {
    await store.close();
  }
}

async function timedState(m: BrowserMap, baseUrl: string, seq: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/maps/${m.mapId}/state?seq=${seq}`, {
    headers: { authorization: `Bearer ${m.token}` },
  });
  if (!res.ok) throw new Error(`state ${seq}: ${res.status}`);
  await res.arrayBuffer();
  return performance.now() - t0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops the server as a deploy does (SIGTERM, its writes finished) and copies its store to a
 * folder of its own: stopping it through `stop` deletes its data folder.
 */
export async function stopKeepingStore(server: WebServer, dataDir: string): Promise<string> {
  process.kill(server.pid, "SIGTERM");
  for (;;) {
    try {
      process.kill(server.pid, 0);
      await sleep(50);
    } catch {
      break; // gone
    }
  }
  const kept = mkdtempSync(path.join(os.tmpdir(), "jm-bench-history-restart-"));
  cpSync(dataDir, kept, { recursive: true });
  await server.stop();
  return kept;
}

/** A server on a copy of `store` (its `stop` deletes the copy). */
function serverOn(store: string, webDist: string): Promise<WebServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-history-restarted-"));
  cpSync(store, dataDir, { recursive: true });
  return startWebServer(webDist, { dataDir, env: { MAX_CONNECTIONS_PER_ADDRESS: "5000" } });
}

async function restartOnce(
  browser: Browser,
  m: BrowserMap,
  webDist: string,
  store: string,
  remove: boolean,
): Promise<Restarted> {
  const chunkStart = () => CHUNK * (1 + Math.floor(Math.random() * Math.floor(m.seq / CHUNK)));
  const kept = await keptCheckpoints(store, m.mapId, remove);
  let server = await serverOn(store, webDist);
  let firstState: number;
  const states: number[] = [];
  try {
    firstState = await timedState(m, server.url, chunkStart());
    for (let i = 0; i < STATE_REQUESTS; i++)
      states.push(await timedState(m, server.url, chunkStart()));
  } finally {
    await server.stop();
  }
  server = await serverOn(store, webDist);
  try {
    const { timing } = await openOnce(browser, { ...m, baseUrl: server.url }, "history");
    return { kept, firstState, states, open: timing.complete };
  } finally {
    await server.stop();
  }
}

/** Both conditions, on copies of `store` (a stopped server's, from stopKeepingStore). */
export async function measureRestarts(
  browser: Browser,
  m: BrowserMap,
  webDist: string,
  store: string,
): Promise<RestartResults> {
  const kept = await restartOnce(browser, m, webDist, store, false);
  const removed = await restartOnce(browser, m, webDist, store, true);
  for (const [name, r] of Object.entries({ kept, removed })) {
    console.log(
      `  restarted, checkpoints ${name} (${r.kept}): first state ${r.firstState.toFixed(0)} ms, ` +
        `next ${r.states.map((x) => x.toFixed(0)).join(", ")} ms; first open ${r.open.toFixed(0)} ms`,
    );
  }
  return { kept, removed };
}
