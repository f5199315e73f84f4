/**
 * `BENCH_ONLY=web` with BENCH_WEB_PROFILE=1 (or from run.ts when a target is missed): profiles
 * each board interaction once on the 30×300 map with an unminified build, so the report can
 * name components and functions.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { withBigMap } from "./bigMapSession.ts";
import { dragCurvePoint, openBoard, remoteEdit, scrollEndToEnd } from "./measures.ts";
import { type Hotspots, profileAction } from "./profile.ts";
import { buildWeb } from "./server.ts";

export type HotspotReport = Record<"firstRender" | "remoteEdit" | "drag" | "scroll", Hotspots>;

export async function boardHotspots(log: (line: string) => void = console.log) {
  const dist = mkdtempSync(path.join(os.tmpdir(), "jm-bench-web-prof-"));
  let report: HotspotReport | undefined;
  try {
    buildWeb(dist, { minify: false });
    await withBigMap(dist, async ({ browser, context, page: first, map, url, open }) => {
      const firstRender = await profileAction(browser, first, async () => {
        await open();
        await first.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      });
      await context.close(); // not a second person on the board for what follows
      log("  profiled first render");

      const page = await openBoard(browser, url, map);
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
      report = { firstRender, remoteEdit: remote, drag, scroll };
    });
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  return report!;
}
