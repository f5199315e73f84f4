/**
 * The history view in headless Chromium, on the built app served by the real server: the time
 * to open it (navigation → the board at the last edit painted) beside the time to open the live
 * board of the same map (the baseline, same run, same page load path), and the time per
 * scrubber move (input event → the board at the new moment painted).
 */
import { Timeline } from "@journeymap/protocol/http";
import { seededRandom } from "@journeymap/schema/testing";
import { benchContext } from "../web/context.ts";
import type { Browser, Page } from "playwright-core";
import { type Summary, summarize } from "../web/stats.ts";
import { type OpenTiming, type ScrubTiming, scrubTo, watchOpen } from "./historyPageScripts.ts";

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
  /** The first history open on a fresh copy of the store (no history checkpoints kept yet). */
  readonly historyCold: OpenTiming;
  readonly history: OpenSummary;
  readonly board: OpenSummary;
}

export interface OpenSummary {
  readonly painted: Summary;
  readonly inDom: Summary;
  /** The history view: with the last edit's changes listed too (the board: = painted). */
  readonly complete: Summary;
}

/** One kind of scrubber move: to the board painted, and to its changes listed too. */
export interface MoveSummary {
  readonly board: Summary;
  readonly complete: Summary;
}

export interface ScrubResults {
  /** One edit forward (the arrow key on the scrubber). */
  readonly row: MoveSummary;
  /** Ten edits forward. */
  readonly rows10: MoveSummary;
  /** To the end of the next burst ("next step"; a burst here is 250 edits). */
  readonly burst: MoveSummary;
  /** One edit back. */
  readonly back: MoveSummary;
  /** A drag to a random moment anywhere on the timeline, either way. */
  readonly jump: MoveSummary;
  /**
   * The same, after the rounds above and a pause of SETTLE_MS without a move (the worker fetches
   * the log ahead once the view has gone a second without one: replayPort.ts AHEAD_QUIET_MS),
   * one jump after another.
   */
  readonly jumpSettled: MoveSummary;
}

/** The pause before the settled jumps: a person looking at the map before dragging again. */
export const SETTLE_MS = 5_000;

/** The map's log length and burst ends (the timeline, over HTTP), for the views to move on. */
export async function browserMap(
  baseUrl: string,
  mapId: string,
  token: string,
): Promise<BrowserMap> {
  const res = await fetch(`${baseUrl}/api/maps/${mapId}/timeline`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const timeline = Timeline.parse(await res.json());
  return { baseUrl, mapId, token, seq: timeline.seq, stops: timeline.bursts.map((b) => b.toSeq) };
}

export const historyUrl = (m: BrowserMap) =>
  `${m.baseUrl}/maps/${m.mapId}/history#token=${encodeURIComponent(m.token)}`;

/**
 * Opens the history in `page` and waits until the last edit's changes are listed (after a
 * restart the server first replays the log once: minutes on a loaded machine).
 */
export async function openAtLastEdit(page: Page, m: BrowserMap): Promise<void> {
  await page.goto(historyUrl(m));
  await page
    .locator(`[data-testid="history.edit-changes"][data-seq="${m.seq}"]`)
    .waitFor({ state: "attached", timeout: 300_000 });
}
const boardUrl = (m: BrowserMap) =>
  `${m.baseUrl}/maps/${m.mapId}#token=${encodeURIComponent(m.token)}`;

/** A first load in a fresh context: nothing cached, no IndexedDB copy, no service worker. */
export async function openOnce(
  browser: Browser,
  m: BrowserMap,
  view: "history" | "board",
  keep = false,
): Promise<{ timing: OpenTiming; page: Page | null }> {
  const context = await benchContext(browser, VIEWPORT);
  let page: Page | null = null;
  try {
    await context.addInitScript(
      watchOpen,
      view === "history"
        ? {
            boardSelector: '[data-testid="history.board"] [data-testid="board.touchpoint-name"]',
            label: `Edit ${m.seq} of ${m.seq}`,
            changesSeq: m.seq,
          }
        : { boardSelector: '[data-testid="board.touchpoint-name"]', label: null, changesSeq: null },
    );
    page = await context.newPage();
    await page.goto(view === "history" ? historyUrl(m) : boardUrl(m));
    const timing = await Promise.race([
      page.evaluate(() => (globalThis as unknown as { __opened: Promise<OpenTiming> }).__opened),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${view} did not open within 120 s`)), 120_000),
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
  console.log(`  first open, nothing kept: ${historyCold.complete.toFixed(0)} ms`);
  await openOnce(browser, m, "board"); // warm-up for the baseline, as the history had one
  const history: OpenTiming[] = [];
  const board: OpenTiming[] = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < runs; i++) {
    history.push((await openOnce(browser, m, "history")).timing);
    board.push((await openOnce(browser, m, "board")).timing);
    const [h, b] = [history.at(-1)!, board.at(-1)!];
    console.log(
      `  open ${i + 1}/${runs}: history ${h.complete.toFixed(0)} ms, board ${b.painted.toFixed(0)} ms`,
    );
  }
  const sum = (xs: OpenTiming[]) => ({
    painted: summarize(xs.map((x) => x.painted)),
    inDom: summarize(xs.map((x) => x.inDom)),
    complete: summarize(xs.map((x) => x.complete)),
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
    // BENCH_HISTORY_SEED: the same moves for every build compared (an A/B); else new each run.
    const seed = process.env.BENCH_HISTORY_SEED;
    const draw = seed ? seededRandom(Number(seed)) : (n: number) => Math.floor(Math.random() * n);
    const random = (lo: number, hi: number) => lo + draw(hi - lo + 1);
    const row: ScrubTiming[] = [];
    const rows10: ScrubTiming[] = [];
    const burst: ScrubTiming[] = [];
    const back: ScrubTiming[] = [];
    const jump: ScrubTiming[] = [];
    let at = m.seq;
    // A few moves to warm the code paths (the first seek loads the player's chunks).
    for (const target of [m.seq - 1, Math.floor(m.seq / 2), Math.floor(m.seq / 2) + 1]) {
      // Once more if the first move times out: right after the open, the server may still be
      // writing the history checkpoints of its first replay (seen at a load average of 10).
      await to(target).catch(() => to(target));
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
    const jumpSettled: ScrubTiming[] = [];
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    for (let r = 0; r < rounds; r++) {
      let target = random(1, m.seq - 300);
      while (target === at) target = random(1, m.seq - 300);
      jumpSettled.push(await to(target));
      at = target;
    }
    for (const [name, xs] of Object.entries({ row, rows10, burst, back, jump, jumpSettled })) {
      const sorted = xs.map((x) => Math.round(x.complete)).sort((x, y) => x - y);
      console.log(`  scrub ${name}: ${sorted.join(", ")} ms`);
    }
    const sum = (xs: ScrubTiming[]): MoveSummary => ({
      board: summarize(xs.map((x) => x.board)),
      complete: summarize(xs.map((x) => x.complete)),
    });
    return {
      row: sum(row),
      rows10: sum(rows10),
      burst: sum(burst),
      back: sum(back),
      jump: sum(jump),
      jumpSettled: sum(jumpSettled),
    };
  } finally {
    await page.context().close();
  }
}
