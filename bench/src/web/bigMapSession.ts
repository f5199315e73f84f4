/**
 * For the board's profiling scripts (hotspots, paintTrace, scrollProfile): the real server on a
 * build, a fresh 30 × 300 map seeded on it and one Chromium, each started once and always
 * stopped, and a page with the probes installed, ready to open that map.
 */
import { launchChromium } from "@journeymap/testkit";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { benchContext } from "./context.ts";
import { boardUrl, VIEWPORT } from "./measures.ts";
import { installProbes } from "./pageScripts.ts";
import { type SeededMap, seedMap } from "./seed.ts";
import { startWebServer } from "./server.ts";
import { BIG } from "./webBench.ts";

export interface BigMapSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly map: SeededMap;
  /** The server's base URL. */
  readonly url: string;
  /** Navigates the page to the map and waits until its last phase band is in the DOM. */
  open(): Promise<void>;
}

export async function withBigMap(dist: string, use: (s: BigMapSession) => Promise<void>) {
  const server = await startWebServer(dist);
  const browser = await launchChromium();
  const map = await seedMap(server.url, BIG.phases, BIG.touchpoints);
  try {
    const context = await benchContext(browser, VIEWPORT);
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    const open = async () => {
      await page.goto(boardUrl(server.url, map));
      await page.locator(`[data-phase-id="${map.phaseIds.at(-1)}"]`).waitFor();
    };
    await use({ browser, context, page, map, url: server.url, open });
    await context.close(); // a no-op if `use` closed it
  } finally {
    map.close();
    await browser.close();
    await server.stop();
  }
}
