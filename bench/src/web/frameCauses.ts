/**
 * `node bench/src/web/frameCauses.ts <dist> [<css> …]`: are the long frames of a scroll the
 * window moves? While the 30 × 300 board scrolls (`SECONDS`, 6; `ROUNDS`, 2), the page records
 * its frames (rAF) and every batch of DOM changes under the grid (a MutationObserver: React's
 * commits of entering and leaving columns). Each frame interval over 20 ms is counted as "with a
 * commit" when a batch of changes fell inside it, "quiet" otherwise. Quiet long frames are the
 * compositor's or the load's; long frames with a commit are the window's.
 */
import os from "node:os";
import type { Page } from "playwright-core";
import { withBigMap } from "./bigMapSession.ts";
import { injectStyle } from "./injectStyle.ts";
import { scrollEndToEnd } from "./measures.ts";

const [dist, ...variantArgs] = process.argv.slice(2) as [string, ...string[]];
const variants = variantArgs.length > 0 ? variantArgs : [""];
const rounds = Number(process.env.ROUNDS ?? 2);
const seconds = Number(process.env.SECONDS ?? 6);
const LONG_MS = 20;

interface Recorder {
  frames: number[];
  commits: { at: number; added: number }[];
}

async function measure(page: Page, css: string) {
  await injectStyle(page, css);
  await new Promise((r) => setTimeout(r, 500));
  await page.evaluate(() => {
    const rec: Recorder = { frames: [], commits: [] };
    (globalThis as unknown as { __causes: Recorder }).__causes = rec;
    const grid = document.querySelector(".board-grid");
    if (!grid) throw new Error("no grid");
    new MutationObserver((list) => {
      let added = 0;
      for (const m of list) added += m.addedNodes.length;
      rec.commits.push({ at: performance.now(), added });
    }).observe(grid, { childList: true, subtree: true });
    const tick = (t: number) => {
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const run = await scrollEndToEnd(page, 240, seconds);
  const rec = await page.evaluate(() => (globalThis as unknown as { __causes: Recorder }).__causes);
  const first = rec.frames.findIndex((t) => t >= rec.frames[0]! + 300); // after the scroll starts
  let frames = 0;
  let longWithCommit = 0;
  let longQuiet = 0;
  let commitFrames = 0;
  const quietLong: number[] = [];
  const commitLong: number[] = [];
  for (let i = Math.max(1, first); i < rec.frames.length; i++) {
    const from = rec.frames[i - 1]!;
    const to = rec.frames[i]!;
    frames++;
    const commit = rec.commits.some((c) => c.at >= from && c.at < to && c.added > 0);
    if (commit) commitFrames++;
    if (to - from > LONG_MS) {
      if (commit) {
        longWithCommit++;
        commitLong.push(to - from);
      } else {
        longQuiet++;
        quietLong.push(to - from);
      }
    }
  }
  const fmt = (xs: number[]) =>
    xs
      .sort((a, b) => b - a)
      .slice(0, 8)
      .map((x) => x.toFixed(0))
      .join(" ");
  console.log(
    `[${css || "as built"}] load ${os.loadavg()[0]!.toFixed(1)}: ${run.fps.toFixed(1)} fps, p95 ${run.p95Ms.toFixed(1)} ms, ${Math.round(run.reachedPx)} px; ${frames} frames, ${commitFrames} with a DOM commit; over ${LONG_MS} ms: ${longWithCommit} with a commit (${fmt(commitLong)}), ${longQuiet} quiet (${fmt(quietLong)})`,
  );
}

await withBigMap(dist, async ({ page, open }) => {
  await open();
  await new Promise((r) => setTimeout(r, 1500));
  for (let r = 0; r < rounds; r++) for (const css of variants) await measure(page, css);
});
