/**
 * A/B of board builds on a loaded machine: `node bench/src/web/abBoard.ts <dist> [<dist>…]`.
 * Each build gets its own server and an identical 30 × 300 map; rounds alternate the builds
 * (A, B, A, B…) in one Chromium. Per build and round: the open's main-thread CPU (Chromium's
 * ThreadTime, not inflated by other processes taking the cores) and its wall time, the DOM size,
 * and a fixed-length wheel scroll's CPU per 1,000 px, frames and p95 frame.
 *   AB_ROUNDS (3), AB_SCROLL_SECONDS (8); an argument "<dist>|<css>" injects CSS into that variant
 */
import { launchChromium } from "@journeymap/testkit";
import type { Browser, CDPSession } from "playwright-core";
import { benchContext } from "./context.ts";
import { boardUrl, scrollEndToEnd, VIEWPORT } from "./measures.ts";
import { installProbes, watchFirstRender, type FirstRender } from "./pageScripts.ts";
import { type SeededMap, seedMap } from "./seed.ts";
import { startWebServer, type WebServer } from "./server.ts";
import { BIG } from "./webBench.ts";

// Each argument is a build folder, optionally with CSS for that variant: "<dist>|<css>".
const variants = process.argv.slice(2).map((arg) => {
  const [dist, extra = ""] = arg.split("|");
  return { dist: dist!, css: extra };
});
const dists = variants.map((v) => v.dist);
const rounds = Number(process.env.AB_ROUNDS ?? 3);
const seconds = Number(process.env.AB_SCROLL_SECONDS ?? 8);

async function counters(cdp: CDPSession) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return {
    thread: (m.ThreadTime ?? 0) * 1000,
    process: (m.ProcessTime ?? 0) * 1000,
    script: (m.ScriptDuration ?? 0) * 1000,
    style: (m.RecalcStyleDuration ?? 0) * 1000,
    layout: (m.LayoutDuration ?? 0) * 1000,
    task: (m.TaskDuration ?? 0) * 1000,
  };
}
type Counters = Awaited<ReturnType<typeof counters>>;
const diff = (a: Counters, b: Counters) =>
  Object.fromEntries(
    Object.entries(b).map(([k, v]) => [k, Math.round(v - a[k as keyof Counters])]),
  );

async function round(browser: Browser, server: WebServer, map: SeededMap, css: string) {
  const context = await benchContext(browser, VIEWPORT);
  try {
    await context.addInitScript(installProbes);
    await context.addInitScript(watchFirstRender, map.phaseIds[map.phaseIds.length - 1]!);
    if (css)
      await context.addInitScript((text: string) => {
        addEventListener("DOMContentLoaded", () => {
          const style = document.createElement("style");
          style.textContent = text;
          document.head.append(style);
        });
      }, css);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const c0 = await counters(cdp);
    await page.goto(boardUrl(server.url, map));
    const first = await page.evaluate(
      () => (globalThis as unknown as { __firstRender: Promise<FirstRender> }).__firstRender,
    );
    const c1 = await counters(cdp);
    await new Promise((r) => setTimeout(r, 1500));
    const dom = await page.evaluate(() => document.getElementsByTagName("*").length);
    const c2 = await counters(cdp);
    const run = await scrollEndToEnd(page, 240, seconds);
    const c3 = await counters(cdp);
    const px = run.reachedPx / 1000;
    const s = diff(c2, c3);
    return {
      openMs: Math.round(first.painted),
      open: diff(c0, c1),
      dom,
      px: Math.round(run.reachedPx),
      fps: Number(run.fps.toFixed(1)),
      p95: Number(run.p95Ms.toFixed(1)),
      perKpx: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v / px)])),
    };
  } finally {
    await context.close();
  }
}

const load = async () =>
  (await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
const servers: WebServer[] = [];
for (const d of dists) servers.push(await startWebServer(d)); // one at a time: a loaded machine
const browser = await launchChromium();
const maps: SeededMap[] = [];
try {
  for (const s of servers) maps.push(await seedMap(s.url, BIG.phases, BIG.touchpoints));
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < dists.length; i++) {
      const result = await round(browser, servers[i]!, maps[i]!, variants[i]!.css);
      console.log(
        JSON.stringify({ round: r, variant: process.argv[i + 2], load: await load(), ...result }),
      );
    }
} finally {
  for (const m of maps) m.close();
  await browser.close();
  for (const s of servers) await s.stop();
}
