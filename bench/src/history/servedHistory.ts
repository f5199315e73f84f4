/**
 * What the by-hand history scripts (historyCpu, historyMoveParts, historyMutations) measure
 * against: the stored 50,000-edit map (BENCH_HISTORY_STORE, default
 * /tmp/jm-history-bench-stores; built once, then reused) served from the build in
 * BENCH_WEB_DIST by a server started on a fresh copy of its store, and a headless Chromium.
 */
import { launchChromium } from "@journeymap/testkit";
import type { Browser } from "playwright-core";
import { startWebServer } from "../web/server.ts";
import { historyStore } from "./historyBench.ts";
import { type BrowserMap, browserMap } from "./historyBrowser.ts";

export interface ServedHistory {
  readonly m: BrowserMap;
  readonly browser: Browser;
  /** The server's process id (for its CPU time). */
  readonly serverPid: number;
  /** Closes the browser and stops the server. */
  stop(): Promise<void>;
}

export async function servedHistory(): Promise<ServedHistory> {
  process.env.BENCH_HISTORY_STORE ??= "/tmp/jm-history-bench-stores";
  const dist = process.env.BENCH_WEB_DIST;
  if (!dist) throw new Error("BENCH_WEB_DIST: a built app to serve");
  const { mapId, token, dataDir } = await historyStore(50_000);
  const server = await startWebServer(dist, { dataDir });
  try {
    const m = await browserMap(server.url, mapId, token);
    const browser = await launchChromium();
    return {
      m,
      browser,
      serverPid: server.pid,
      stop: async () => {
        await browser.close();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
