/**
 * The history view in headless Chromium, on the built app served by the real server: the time
 * to open it (navigation → the board at the last edit painted) beside the time to open the live
 * board of the same map (the baseline, same run, same page load path), and the time per
 * scrubber move (input event → the board at the new moment painted).
 */
import type { Browser, Page } from "playwright-core";
import { type Summary, summarize } from "../web/stats.ts";
import { type OpenTiming, scrubTo, watchOpen } from "./historyPageScripts.ts";

export const VIEWPORT = { width: 1600, height: 1000 };

export interface BrowserMap {
  readonly baseUrl: string;
  readonly mapId: string;
  readonly token: string;
  /** The last logged sequence number. */
  readonly seq: number;
  /** The end of each burst of the timeline (where "next step" goes). */
  readonly stops: readonly number[];
}

export interface OpenResults {
  /** The first history open after the server restarted (its history checkpoints not built). */
  readonly historyCold: OpenTiming;
  readonly history: { readonly painted: Summary; readonly inDom: Summary };
  readonly board: { readonly painted: Summary; readonly inDom: Summary };
}

export interface ScrubResults {
  /** One edit forward (the arrow key on the scrubber). */
  readonly row: Summary;
  /** Ten edits forward. */
  readonly rows10: Summary;
  /** To the end of the next burst ("next step"; a burst here is 250 edits). */
  readonly burst: Summary;
  /** One edit back (rebuilt from the nearest history checkpoint). */
  readonly back: Summary;
  /** A drag to a random moment anywhere on the timeline, either way. */
  readonly jump: Summary;
}

const historyUrl = (m: BrowserMap) =>
  `${m.baseUrl}/maps/${m.mapId}/history#token=${encodeURIComponent(m.token)}`;
const boardUrl = (m: BrowserMap) =>
  `${m.baseUrl}/maps/${m.mapId}#token=${encodeURIComponent(m.token)}`;

/** A first load in a fresh context: nothing cached, no IndexedDB copy, no service worker. */
async function openOnce(
  browser: Browser,
  m: BrowserMap,
  view: "history" | "board",
  keep = false,
): Promise<{ timing: OpenTiming; page: Page | null }> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: "block" });
  let page: Page | null = null;
  try {
    await context.addInitScript(
      watchOpen,
      view === "history"
        ? {
            boardSelector: '[data-testid="history.board"] [data-testid="board.touchpoint-name"]',
            label: `Edit ${m.seq} of ${m.seq}`,
          }
        : { boardSelector: '[data-testid="board.touchpoint-name"]', label: null },
    );
    page = await context.newPage();
    await page.goto(view === "history" ? historyUrl(m) : boardUrl(m));
    const timing = await Promise.race([
      page.evaluate(() => (globalThis as unknown as { __opened: Promise<OpenTiming> }).__opened),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${view} did not open within 30 s`)), 30_000),
      ),
    ]);
    return { timing, page: keep ? page : null };
  } finally {
    if (!keep) await context.close();
  }
}

export async function measureOpen(
  browser: Browser,
  m: BrowserMap,
  runs: number,
): Promise<OpenResults> {
  // First, while the server's caches are cold (it was just restarted on the store).
  const historyCold = (await openOnce(browser, m, "history")).timing;
  await openOnce(browser, m, "board"); // warm-up for the baseline, as the history had one
  const history: OpenTiming[] = [];
  const board: OpenTiming[] = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < runs; i++) {
    history.push((await openOnce(browser, m, "history")).timing);
    board.push((await openOnce(browser, m, "board")).timing);
  }
  const sum = (xs: OpenTiming[]) => ({
    painted: summarize(xs.map((x) => x.painted)),
    inDom: summarize(xs.map((x) => x.inDom)),
  });
  return { historyCold, history: sum(history), board: sum(board) };
}

/** Scrubber moves on one open history page; every target differs from the current moment. */
export async function measureScrub(
  browser: Browser,
  m: BrowserMap,
  rounds: number,
): Promise<ScrubResults> {
  const { page } = await openOnce(browser, m, "history", true);
  if (!page) throw new Error("no page");
  try {
    const to = (target: number) => page.evaluate(scrubTo, target);
    const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
    const row: number[] = [];
    const rows10: number[] = [];
    const burst: number[] = [];
    const back: number[] = [];
    const jump: number[] = [];
    let at = m.seq;
    // A few moves to warm the code paths (the first seek loads the player's chunks).
    for (const target of [m.seq - 1, Math.floor(m.seq / 2), Math.floor(m.seq / 2) + 1]) {
      await to(target);
      at = target;
    }
    for (let r = 0; r < rounds; r++) {
      let target = random(1, m.seq - 300);
      while (target === at) target = random(1, m.seq - 300);
      jump.push(await to(target));
      at = target;
      for (let k = 0; k < 5; k++) {
        row.push(await to(at + 1));
        at += 1;
      }
      rows10.push(await to(at + 10));
      at += 10;
      const next = m.stops.find((s) => s > at);
      if (next !== undefined && next <= m.seq) {
        burst.push(await to(next));
        at = next;
      }
      if (at > 1) {
        back.push(await to(at - 1));
        at -= 1;
      }
    }
    return {
      row: summarize(row),
      rows10: summarize(rows10),
      burst: summarize(burst),
      back: summarize(back),
      jump: summarize(jump),
    };
  } finally {
    await page.context().close();
  }
}
