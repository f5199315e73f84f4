/**
 * `BENCH_ONLY=web`: the board in headless Chromium. A 30-phase × 300-step map against a
 * 3-phase × 30-step map of the same shape (the baseline, measured in the same run), both seeded
 * on the real server and opened through the built app.
 *   BENCH_WEB_DIST=<folder>   reuse a build instead of building into a temporary folder
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "@journeymap/testkit";
import type { Browser } from "playwright-core";
import { type BundleSizes, bundleSizes } from "./bundle.ts";
import {
  dragCurvePoint,
  type FrameRun,
  firstRender,
  openBoard,
  remoteEdit,
  type ScrollRun,
  scrollEndToEnd,
} from "./measures.ts";
import { type CpuMetrics, cpuMetrics } from "./metrics.ts";
import { FRAME_TARGETS } from "./report.ts";
import type { RemoteEditTiming } from "./pageScripts.ts";
import { type SeededMap, seedMap } from "./seed.ts";
import { buildWeb, startWebServer } from "./server.ts";
import { type Summary, summarize } from "./stats.ts";

export interface MapSize {
  readonly phases: number;
  readonly touchpoints: number;
}

export interface MapResults {
  readonly map: MapSize & { stateBytes: number };
  readonly firstRender: {
    readonly painted: Summary;
    readonly inDom: Summary;
    readonly firstMessage: Summary;
    readonly domContentLoaded: Summary;
  };
  readonly remoteEdit: { readonly toPaint: Summary; readonly toDom: Summary };
  readonly drag: readonly FrameRun[];
  readonly scroll: readonly ScrollRun[];
  /** Main-thread time by kind (CDP Performance.getMetrics) over one run of each interaction. */
  readonly cpu: Record<"remoteEdit" | "drag" | "scroll", CpuMetrics>;
}

export interface WebResults {
  readonly chromium: string;
  readonly bundle: BundleSizes;
  readonly big: MapResults;
  readonly baseline: MapResults;
}

export const BIG: MapSize = { phases: 30, touchpoints: 300 };
export const BASELINE: MapSize = { phases: 3, touchpoints: 30 };

async function measureMap(
  browser: Browser,
  baseUrl: string,
  map: SeededMap,
  size: MapSize,
  quick: boolean,
  log: (line: string) => void,
): Promise<MapResults> {
  const renders = [];
  await firstRender(browser, baseUrl, map); // warm-up: server caches, Chromium's code cache
  for (let i = 0; i < (quick ? 2 : 10); i++) renders.push(await firstRender(browser, baseUrl, map));
  log(`  first render ×${renders.length}`);

  const page = await openBoard(browser, baseUrl, map);
  try {
    const edits: RemoteEditTiming[] = [];
    const editCount = quick ? 10 : 40;
    const cpuEdit = await cpuMetrics(page, async () => {
      for (let i = 0; i < editCount + 3; i++) {
        const timing = await remoteEdit(page, map, i);
        if (i >= 3) edits.push(timing); // the first few warm the code paths
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    });
    log(`  remote edit ×${edits.length}`);

    const drag: FrameRun[] = [];
    let cpuDrag: CpuMetrics | null = null;
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const seconds = quick ? 1 : 2;
      if (i === 0)
        cpuDrag = await cpuMetrics(page, async () => {
          drag.push(await dragCurvePoint(page, seconds));
        });
      else drag.push(await dragCurvePoint(page, seconds));
      await map.confirmed();
    }
    log(`  drag ×${drag.length}`);

    const scroll: ScrollRun[] = [];
    let cpuScroll: CpuMetrics | null = null;
    for (let i = 0; i < (quick ? 1 : 2); i++) {
      if (i === 0)
        cpuScroll = await cpuMetrics(page, async () => {
          scroll.push(await scrollEndToEnd(page, 240, quick ? 10 : 20));
        });
      else scroll.push(await scrollEndToEnd(page, 240, quick ? 10 : 20));
    }
    log(`  scroll ×${scroll.length}`);

    return {
      map: { ...size, stateBytes: map.stateBytes },
      firstRender: {
        painted: summarize(renders.map((r) => r.painted)),
        inDom: summarize(renders.map((r) => r.inDom)),
        firstMessage: summarize(renders.map((r) => r.firstMessage)),
        domContentLoaded: summarize(renders.map((r) => r.domContentLoaded)),
      },
      remoteEdit: {
        toPaint: summarize(edits.map((e) => e.toPaint)),
        toDom: summarize(edits.map((e) => e.toDom)),
      },
      drag,
      scroll,
      cpu: { remoteEdit: cpuEdit, drag: cpuDrag!, scroll: cpuScroll! },
    };
  } finally {
    await page.context().close();
  }
}

export async function benchWeb(
  quick: boolean,
  log: (line: string) => void = console.log,
): Promise<WebResults> {
  const tmp = process.env.BENCH_WEB_DIST
    ? null
    : mkdtempSync(path.join(os.tmpdir(), "jm-bench-web-dist-"));
  const dist = process.env.BENCH_WEB_DIST ?? buildWeb(tmp!);
  const server = await startWebServer(dist);
  const browser = await launchChromium();
  const maps: SeededMap[] = [];
  try {
    const bundle = bundleSizes(dist);
    const big = await seedMap(server.url, BIG.phases, BIG.touchpoints);
    const small = await seedMap(server.url, BASELINE.phases, BASELINE.touchpoints);
    maps.push(big, small);
    log(`web: ${BIG.phases}×${BIG.touchpoints} map`);
    const bigResults = await measureMap(browser, server.url, big, BIG, quick, log);
    log(`web: ${BASELINE.phases}×${BASELINE.touchpoints} baseline map`);
    const baseline = await measureMap(browser, server.url, small, BASELINE, quick, log);
    return { chromium: browser.version(), bundle, big: bigResults, baseline };
  } finally {
    for (const m of maps) m.close();
    await browser.close();
    await server.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The targets that this run missed, by name. */
export function targetsMissed(w: WebResults): string[] {
  const median = (xs: readonly number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const missed: string[] = [];
  if (w.big.firstRender.painted.median > 1000) missed.push("first render");
  if (w.big.remoteEdit.toPaint.median > 16 || w.big.remoteEdit.toPaint.p95 > 50)
    missed.push("remote edit");
  if (median(w.big.drag.map((f) => f.fps)) < FRAME_TARGETS.drag.fps) missed.push("drag");
  const scroll = FRAME_TARGETS.scroll;
  if (
    median(w.big.scroll.map((f) => f.fps)) < scroll.fps ||
    median(w.big.scroll.map((f) => f.p95Ms)) > scroll.p95
  )
    missed.push("scroll");
  if (w.bundle.initialGzipBytes > 300 * 1024) missed.push("bundle");
  return missed;
}
