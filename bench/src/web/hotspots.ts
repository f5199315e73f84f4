/**
 * `BENCH_ONLY=web` with BENCH_WEB_PROFILE=1 (or from run.ts when a target is missed): profiles
 * each board interaction once on the 30×300 map with an unminified build, so the report can
 * name components and functions.
 */
import { benchContext } from "./context.ts";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  boardUrl,
  dragCurvePoint,
  openBoard,
  remoteEdit,
  scrollEndToEnd,
  VIEWPORT,
} from "./measures.ts";
import { installProbes } from "./pageScripts.ts";
import { type Hotspots, profileAction } from "./profile.ts";
import { seedMap } from "./seed.ts";
import { buildWeb, startWebServer } from "./server.ts";
import { launchChromium } from "@journeymap/testkit";
import { BIG } from "./webBench.ts";

export type HotspotReport = Record<"firstRender" | "remoteEdit" | "drag" | "scroll", Hotspots>;

export async function boardHotspots(log: (line: string) => void = console.log) {
  const dist = mkdtempSync(path.join(os.tmpdir(), "jm-bench-web-prof-"));
  buildWeb(dist, { minify: false });
  const server = await startWebServer(dist);
  const browser = await launchChromium();
  const map = await seedMap(server.url, BIG.phases, BIG.touchpoints);
  try {
    const context = await benchContext(browser, VIEWPORT);
    await context.addInitScript(installProbes);
    const first = await context.newPage();
    const lastBand = `[data-phase-id="${map.phaseIds[map.phaseIds.length - 1]}"]`;
    const firstRender = await profileAction(browser, first, async () => {
      await first.goto(boardUrl(server.url, map));
      await first.locator(lastBand).waitFor();
      await first.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    });
    await context.close();
    log("  profiled first render");

    const page = await openBoard(browser, server.url, map);
    for (let i = 0; i < 3; i++) await remoteEdit(page, map, i);
    const remote = await profileAction(browser, page, async () => {
      for (let i = 3; i < 13; i++) await remoteEdit(page, map, i);
    });
    log("  profiled 10 remote edits");
    const drag = await profileAction(browser, page, async () => {
      await dragCurvePoint(page, 2);
    });
    await map.confirmed();
    log("  profiled a 2 s drag");
    const scroll = await profileAction(browser, page, async () => {
      await scrollEndToEnd(page, 240, 5);
    });
    log("  profiled 5 s of scrolling");
    await page.context().close();
    const report: HotspotReport = { firstRender, remoteEdit: remote, drag, scroll };
    return report;
  } finally {
    map.close();
    await browser.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}
