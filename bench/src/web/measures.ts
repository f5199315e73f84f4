/**
 * The four board measurements, each against a page on the real server. Every interval is read
 * from the page's own clock (see pageScripts.ts); this process only drives input and edits.
 */
import { benchContext } from "./context.ts";
import type { Browser, Page } from "playwright-core";
import {
  armRemoteEdit,
  type FirstRender,
  installProbes,
  type RemoteEditTiming,
  startFrames,
  stopFrames,
  watchFirstRender,
} from "./pageScripts.ts";
import type { SeededMap } from "./seed.ts";
import { type FrameStats, frameStats } from "./stats.ts";

export const VIEWPORT = { width: 1600, height: 1000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function boardUrl(baseUrl: string, map: SeededMap): string {
  return `${baseUrl}/maps/${map.id}#token=${encodeURIComponent(map.token)}`;
}

/** A first load in a fresh context: nothing cached, no IndexedDB copy, no service worker. */
export async function firstRender(
  browser: Browser,
  baseUrl: string,
  map: SeededMap,
): Promise<FirstRender> {
  const context = await benchContext(browser, VIEWPORT);
  try {
    await context.addInitScript(installProbes);
    await context.addInitScript(watchFirstRender, map.phaseIds[map.phaseIds.length - 1]!);
    const page = await context.newPage();
    await page.goto(boardUrl(baseUrl, map));
    return await page.evaluate(
      () => (globalThis as unknown as { __firstRender: Promise<FirstRender> }).__firstRender,
    );
  } finally {
    await context.close();
  }
}

/** A page with the board open and idle, for the interaction measurements. */
export async function openBoard(browser: Browser, baseUrl: string, map: SeededMap): Promise<Page> {
  const context = await benchContext(browser, VIEWPORT);
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await page.goto(boardUrl(baseUrl, map));
  await page.locator(`[data-phase-id="${map.phaseIds[map.phaseIds.length - 1]}"]`).waitFor();
  // Let the lazy work after the first render (IndexedDB copy, presence) settle.
  await sleep(1500);
  return page;
}

/**
 * One remote rename: the collaborator in this process renames a step that is on screen; the
 * page reports message arrival → new name in the DOM → painted.
 */
export async function remoteEdit(page: Page, map: SeededMap, i: number): Promise<RemoteEditTiming> {
  // The first four steps are in view at 1600 px; rotate so no card is always the warm one.
  const touchpointId = map.touchpointIds[i % 4]!;
  const marker = `Renamed ${i} ${Math.random().toString(36).slice(2, 8)}`;
  await page.evaluate(armRemoteEdit, { marker, touchpointId });
  map.editor.updateTouchpoint(touchpointId, { name: marker });
  const timing = await Promise.race([
    page.evaluate(
      () => (globalThis as unknown as { __remoteEdit: Promise<RemoteEditTiming> }).__remoteEdit,
    ),
    sleep(10_000).then(() => {
      throw new Error(`rename ${i} was not painted within 10 s`);
    }),
  ]);
  await map.confirmed();
  return timing;
}

export interface FrameRun extends FrameStats {
  /** Long animation frames (> 50 ms) seen by the page, with their scripts. */
  readonly longAnimationFrames: readonly { duration: number; scripts: string[] }[];
}

async function recordFrames(page: Page, drive: () => Promise<void>): Promise<FrameRun> {
  await page.evaluate(startFrames);
  await drive();
  const { frames, longFrames } = await page.evaluate(stopFrames);
  return {
    ...frameStats(frames),
    longAnimationFrames: longFrames.map((f) => ({ duration: f.duration, scripts: f.scripts })),
  };
}

/**
 * Drags the active persona's curve point at the third step up and down the lane for
 * `seconds`, one pointer move every 8 ms (a 125 Hz mouse; Chromium coalesces them per frame).
 */
export async function dragCurvePoint(page: Page, seconds: number): Promise<FrameRun> {
  await page.locator(".board-scroll").evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
  const point = page.getByTestId("board.emotion-point").nth(2);
  await point.scrollIntoViewIfNeeded();
  const box = await point.boundingBox();
  const lane = await page.locator(".emotion-lane > svg").boundingBox();
  if (!box || !lane) throw new Error("no curve point on screen");
  const x = box.x + box.width / 2;
  const mid = lane.y + lane.height / 2;
  const amplitude = lane.height * 0.4;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.down();
  const run = await recordFrames(page, async () => {
    const start = performance.now();
    for (let k = 0; ; k++) {
      const t = (performance.now() - start) / 1000;
      if (t >= seconds) break;
      await page.mouse.move(x, mid + amplitude * Math.sin(2 * Math.PI * t));
      const next = start + (k + 1) * 8;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
  });
  await page.mouse.up();
  return run;
}

/**
 * Scrolls the board from its left end to its right end with horizontal wheel events (a fast
 * trackpad swipe: `step` px every 16 ms) and records frames until the end is reached.
 */
export interface ScrollRun extends FrameRun {
  /** How far the board scrolls, and how far this run got (it stops after `maxSeconds`). */
  readonly px: number;
  readonly reachedPx: number;
}

export async function scrollEndToEnd(page: Page, step = 240, maxSeconds = 30): Promise<ScrollRun> {
  const scroller = page.locator(".board-scroll");
  await scroller.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
  await sleep(200);
  const max = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  let reachedPx = 0;
  const run = await recordFrames(page, async () => {
    const start = performance.now();
    for (let k = 0; ; k++) {
      if (k % 8 === 0) {
        reachedPx = await scroller.evaluate((el) => el.scrollLeft);
        if (reachedPx >= max - 1 || performance.now() - start > maxSeconds * 1000) break;
      }
      await page.mouse.wheel(step, 0);
      const wait = start + (k + 1) * 16 - performance.now();
      if (wait > 0) await sleep(wait);
    }
  });
  return { ...run, px: max, reachedPx };
}
