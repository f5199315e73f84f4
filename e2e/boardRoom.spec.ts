/**
 * Room on a laptop and the whole map in view (issue 15, B9, B10, B11): the share of the window
 * the lanes get at 1024 × 768, sticky rows nothing shows through, a minimap that folds (and
 * stays folded) and never covers the board, "fit" (Shift+1) on a 30-phase map with a readable
 * overview (whole phase names, lane names, the curve, the window's height) and on a 300-step map
 * without a long wait, Ctrl+wheel zoom around the pointer, follow mode across different
 * zooms, and a blank map's label column.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { importMap } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const LAPTOPS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/**
 * `count` phases of `perPhase` steps each ("Step 1" in "Phase 1" …), with an emotion score
 * that swings, as a CSV.
 */
function phasesCsv(count: number, perPhase = 1): string {
  const rows = ["Phase,Touchpoint,Channel,Action,Emotion"];
  for (let n = 1; n <= count * perPhase; n++) {
    const phase = Math.ceil(n / perPhase);
    rows.push(`Phase ${phase},Step ${n},Website,Does thing ${n},${(n % 7) - 3}`);
  }
  return `${rows.join("\n")}\n`;
}

/** What the overview shows of itself, in screen pixels (the grid is zoomed with CSS zoom). */
const overviewLegibility = (page: Page) =>
  page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>(".board-grid")!;
    const zoom = Number(getComputedStyle(grid).zoom);
    const screenFont = (el: Element) => {
      // CSS zoom compounds: the lane names carry their own.
      let scale = 1;
      for (let at: Element | null = el; at && at !== grid.parentElement; at = at.parentElement)
        scale *= Number(getComputedStyle(at).zoom) || 1;
      return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
    };
    const phases = [...document.querySelectorAll<HTMLElement>(".phase-name")];
    const lanes = [...document.querySelectorAll<HTMLElement>(".lane-header .lane-name")];
    const curve = document.querySelector(".emotion-curve");
    const rows = document.querySelectorAll(".lane-header:not(.lane-header--steps)");
    const last = rows[rows.length - 1]!.getBoundingClientRect();
    const scroller = document.querySelector(".board-scroll")!.getBoundingClientRect();
    return {
      zoom,
      // A name cut short overflows its box (wrapped lines or an ellipsis hide the rest).
      truncatedPhases: phases
        .filter(
          (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
        )
        .map((el) => el.textContent),
      phaseFont: Math.min(...phases.map(screenFont)),
      laneFont: Math.min(...lanes.map(screenFont)),
      curveWidth: curve ? Number.parseFloat(getComputedStyle(curve).strokeWidth) * zoom : 0,
      curveHeight: curve ? curve.getBoundingClientRect().height : 0,
      // How far down the window the last lane reaches.
      lanesReach: (last.bottom - scroller.top) / scroller.height,
    };
  });

/** The share of the window's height below the sticky steps row, inside the board's scroller. */
const lanesShare = (page: Page) =>
  page.evaluate(() => {
    const scroll = document.querySelector(".board-scroll")!.getBoundingClientRect();
    const steps = document.querySelector(".lane-header--steps")!.getBoundingClientRect();
    return (scroll.bottom - steps.bottom) / window.innerHeight;
  });

const boxOf = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    return box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null;
  }, selector);

/** Scrolls the board to `to` and waits until it is there. */
async function scrollBoard(page: Page, to: { left?: number; top?: number }): Promise<void> {
  const scroller = page.locator(".board-scroll");
  await scroller.evaluate((el, at) => el.scrollTo(at), to);
  await expect
    .poll(() => scroller.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop })))
    .toMatchObject(to);
}

const zoomShown = async (page: Page) =>
  Number((await page.getByTestId("board.zoom").innerText()).replace("%", "")) / 100;

/** The steps wholly inside the board's visible area (right of the sticky lane names). */
const stepsInView = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector(".board-scroll")!;
    const view = scroller.getBoundingClientRect();
    const lead = document.querySelector(".corner")!.getBoundingClientRect().right;
    return [...document.querySelectorAll('[data-testid="board.touchpoint"]')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.left >= lead - 2 && box.right <= view.right + 2;
      })
      .map((el) => el.getAttribute("aria-label")!.replace(/^Step /, ""));
  });

/**
 * What is painted in the sticky rows where no band or card is: the gaps between step cells and
 * the margin above the phase bands. Each entry names what the point hits.
 */
const stickyGapHits = (page: Page) =>
  page.evaluate(() => {
    const hits: string[] = [];
    const describe = (x: number, y: number) => {
      const el = document.elementFromPoint(x, y);
      const sticky = el?.closest(".sticky-backdrop, .step-cell, .phase-band, .corner");
      return sticky ? "sticky" : `${el?.tagName}.${el?.className}`;
    };
    const view = document.querySelector(".board-scroll")!.getBoundingClientRect();
    const lead = document.querySelector(".corner")!.getBoundingClientRect().right;
    const inView = (x: number) => x > lead + 1 && x < view.right - 1;
    const cells = [...document.querySelectorAll(".step-cell")]
      .map((el) => el.getBoundingClientRect())
      .sort((a, b) => a.left - b.left);
    for (let i = 0; i + 1 < cells.length; i++) {
      const gap = (cells[i]!.right + cells[i + 1]!.left) / 2;
      if (!inView(gap)) continue;
      hits.push(describe(gap, cells[i]!.top + 3));
      hits.push(describe(gap, cells[i]!.top + cells[i]!.height / 2));
      hits.push(describe(gap, cells[i]!.bottom - 3));
    }
    for (const band of document.querySelectorAll(".phase-band")) {
      const b = band.getBoundingClientRect();
      // Above a band stuck at the top is the view bar, not the board.
      if (inView(b.left + b.width / 2) && b.top - 3 > view.top)
        hits.push(describe(b.left + b.width / 2, b.top - 3));
      if (inView(b.left - 2)) hits.push(describe(b.left - 2, b.top + b.height / 2));
    }
    return hits;
  });

describeInBrowser("room on a laptop, and the whole map", (session) => {
  it("leaves at least 60 % of a 1024 × 768 window to the lanes, at three laptop sizes", async () => {
    const map = await session.createMap("Laptop");
    for (const viewport of LAPTOPS) {
      const { board, context } = await session.openBoard(map.id, map.token, { viewport });
      await board.settled({ timeout: 15_000 });
      await board.page.screenshot({ path: `${SCREENSHOTS}/board-${viewport.width}.png` });
      const share = await lanesShare(board.page);
      console.log(
        `lanes' share at ${viewport.width}×${viewport.height}: ${Math.round(share * 100)} %`,
      );
      // Before issue 15 (B9): 46 % at 1024 × 768 (header 174 px: title, toolbar, scenario and
      // personas on four rows; the minimap over the lanes). The classic template's steps; the
      // SaaS trial's taller step cards (three-line actions) leave 56 %.
      expect(share, `lanes' share at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(
        0.6,
      );
      // One header row.
      const header = (await boxOf(board.page, ".board-header"))!;
      expect(header.bottom - header.top).toBeLessThanOrEqual(60);
      // The minimap is outside the board's scroller: it covers nothing.
      const minimap = (await boxOf(board.page, '[data-testid="board.minimap"]'))!;
      const scroller = (await boxOf(board.page, ".board-scroll"))!;
      expect(minimap.bottom).toBeLessThanOrEqual(scroller.top);
      await context.close();
    }
  }, 180_000);

  it("shows nothing of the lanes through the sticky phase and step rows", async () => {
    const map = await session.createMap("Sticky", "saas-trial");
    const { board } = await session.openBoard(map.id, map.token, { viewport: LAPTOPS[0] });
    await scrollBoard(board.page, { top: 260 });
    const hits = await stickyGapHits(board.page);
    expect(hits.length).toBeGreaterThan(4);
    expect(hits.filter((h) => h !== "sticky")).toEqual([]);
    // And across: lanes scrolled sideways do not show between the step cards either.
    await scrollBoard(board.page, { left: 330 });
    expect((await stickyGapHits(board.page)).filter((h) => h !== "sticky")).toEqual([]);
  });

  it("folds the minimap, and this browser remembers it", async () => {
    const map = await session.createMap("Minimap");
    const { board } = await session.openBoard(map.id, map.token, { viewport: LAPTOPS[0] });
    const minimap = board.page.getByTestId("board.minimap");
    const toggle = board.page.getByTestId("board.minimap-toggle");
    await minimap.waitFor();
    await toggle.click();
    await minimap.waitFor({ state: "detached" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");

    await board.page.reload();
    await board.phases().first().waitFor();
    await toggle.waitFor();
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await minimap.count()).toBe(0);

    await toggle.click();
    await minimap.waitFor();
    await board.page.reload();
    await minimap.waitFor();
  });

  it("fits a 30-phase map with Shift+1: the first and the last step are in view", async () => {
    const map = await importMap(session.server, "csv", phasesCsv(30), "Thirty phases");
    const { board } = await session.openBoard(map.id, map.token, { viewport: LAPTOPS[1] });
    expect(await stepsInView(board.page)).not.toContain("Step 30");

    await board.page.locator("body").press("Shift+Digit1");
    await expect.poll(() => zoomShown(board.page)).toBeLessThan(0.5);
    await expect
      .poll(() => stepsInView(board.page))
      .toEqual(Array.from({ length: 30 }, (_, i) => `Step ${i + 1}`));
    // The overview: step names drawn large enough to read, lane text hidden.
    expect(await board.page.locator(".board-grid--overview").count()).toBe(1);
    const nameSize = await board.page
      .getByTestId("board.touchpoint-name")
      .first()
      .evaluate((el) => {
        const grid = el.closest<HTMLElement>(".board-grid")!;
        const zoom = Number(getComputedStyle(grid).zoom);
        return Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
      });
    expect(nameSize).toBeGreaterThanOrEqual(5);
    // Readable: whole phase names, lane names at their usual size, a thick curve, and lanes
    // that use the window's height rather than a sliver at its top.
    const seen = await overviewLegibility(board.page);
    expect(seen.truncatedPhases).toEqual([]);
    expect(seen.phaseFont).toBeGreaterThanOrEqual(9);
    expect(seen.laneFont).toBeGreaterThanOrEqual(12);
    expect(seen.curveWidth).toBeGreaterThanOrEqual(3);
    expect(seen.curveHeight).toBeGreaterThan(30);
    expect(seen.lanesReach).toBeGreaterThan(0.7);
    await board.page.screenshot({ path: `${SCREENSHOTS}/board-fit-30-phases.png` });
    // On a smaller laptop, fitted again: names still whole.
    await board.page.setViewportSize(LAPTOPS[0]);
    await board.page.locator("body").press("Shift+Digit1");
    await expect
      .poll(async () => (await overviewLegibility(board.page)).truncatedPhases)
      .toEqual([]);
    await board.page.screenshot({ path: `${SCREENSHOTS}/board-fit-30-phases-1024.png` });
    await board.page.setViewportSize(LAPTOPS[1]);

    // The zoom buttons step back in from a fitted zoom.
    await board.page.locator("body").press("Control+Equal");
    await expect.poll(() => zoomShown(board.page)).toBeGreaterThan(0.14);
  });

  it("fits a 300-step map with Shift+1 in well under a second's wait", async () => {
    const map = await importMap(session.server, "csv", phasesCsv(30, 10), "Three hundred steps");
    const { board } = await session.openBoard(map.id, map.token, { viewport: LAPTOPS[1] });
    await board.page.getByTestId("board.touchpoint").first().waitFor();
    // From the key press to the first frame painted after the board took the fitted zoom.
    await board.page.evaluate(() => {
      const w = window as unknown as { fitStart?: number; fitPainted?: Promise<number> };
      window.addEventListener("keydown", () => (w.fitStart ??= performance.now()), true);
      const grid = document.querySelector(".board-grid")!;
      w.fitPainted = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (!grid.classList.contains("board-grid--overview")) return;
          seen.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        });
        seen.observe(grid, { attributes: true });
      });
    });
    await board.page.locator("body").press("Shift+Digit1");
    const took = await board.page.evaluate(async () => {
      const w = window as unknown as { fitStart: number; fitPainted: Promise<number> };
      return (await w.fitPainted) - w.fitStart;
    });
    console.info(`Shift+1 on a 300-step map: painted after ${Math.round(took)} ms`);
    // Generous for a loaded 2-core CI box; measured here in the report.
    expect(took).toBeLessThan(4000);
    await expect.poll(() => stepsInView(board.page), { timeout: 15_000 }).toHaveLength(300);
    await board.page.screenshot({ path: `${SCREENSHOTS}/board-fit-300-steps.png` });
  });

  it("zooms with Ctrl+wheel around the pointer, not the page", async () => {
    const map = await session.createMap("Wheel", "saas-trial");
    const { board } = await session.openBoard(map.id, map.token, { viewport: LAPTOPS[1] });
    // Scrolled in, so that zooming out around the pointer has room to keep its point.
    await scrollBoard(board.page, { left: 700 });
    const step = board.page.getByTestId("board.touchpoint").nth(4);
    const box = (await step.boundingBox())!;
    const x = box.x + box.width / 2;
    // Upper part of the card: the steps row is sticky at the top, cards shrink towards it.
    const y = box.y + box.height * 0.3;
    const stepAt = () =>
      board.page.evaluate(
        ([px, py]) =>
          document
            .elementFromPoint(px!, py!)
            ?.closest('[data-testid="board.touchpoint"]')
            ?.getAttribute("aria-label") ?? null,
        [x, y],
      );
    const before = await stepAt();
    expect(before).not.toBeNull();

    await board.page.mouse.move(x, y);
    await board.page.keyboard.down("Control");
    await board.page.mouse.wheel(0, 200);
    await board.page.keyboard.up("Control");
    await expect.poll(() => zoomShown(board.page)).toBeLessThan(0.8);
    // The page itself is not zoomed, and the step under the pointer stayed under it.
    expect(await board.page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect(await board.page.evaluate(() => window.devicePixelRatio)).toBe(1);
    await expect.poll(stepAt).toBe(before);

    await board.page.keyboard.down("Control");
    await board.page.mouse.wheel(0, -400);
    await board.page.keyboard.up("Control");
    await expect.poll(() => zoomShown(board.page)).toBeGreaterThan(1);
    await expect.poll(stepAt).toBe(before);
  });

  it("shows a follower what the person they follow sees, whatever either zoom", async () => {
    const map = await importMap(session.server, "csv", phasesCsv(30), "Follow zooms");
    const ana = (await session.openBoard(map.id, map.token, { name: "Ana", viewport: LAPTOPS[1] }))
      .board;
    const ben = (
      await session.openBoard(map.id, await session.shareToken(map, ROLE.editor), {
        name: "Ben",
        viewport: LAPTOPS[0],
      })
    ).board;
    // Ana zooms out to 50 % and looks at the middle of the map.
    for (let i = 0; i < 4; i++) await ana.page.locator("body").press("Control+Minus");
    await expect.poll(() => zoomShown(ana.page)).toBe(0.5);
    await scrollBoard(ana.page, { left: 1100 });
    await expect.poll(() => stepsInView(ana.page)).toContain("Step 14");
    const anaSees = await stepsInView(ana.page);
    expect(anaSees.length).toBeGreaterThan(8);

    const anaAvatar = ben.page.getByTestId("board.peer").and(ben.page.locator('[title*="Ana"]'));
    await anaAvatar.click();
    await expect.poll(() => ben.page.getByTestId("board.following").innerText()).toMatch(/Ana/);
    // Ben's smaller window at 100 % showed fewer than half of her steps; following, it shows
    // every one of them.
    await expect
      .poll(
        async () => {
          const bens = new Set(await stepsInView(ben.page));
          return anaSees.filter((s) => !bens.has(s));
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
    expect(await zoomShown(ben.page)).toBeLessThan(0.5);
    await ben.page.screenshot({ path: `${SCREENSHOTS}/board-follow-zoom.png` });
  }, 120_000);

  it("gives a blank map's steps the room, not the lane names", async () => {
    const map = await session.createMap("Blank", "blank");
    const context = await session.newContext({ viewport: LAPTOPS[0] });
    const page = await context.newPage();
    // A blank map has no phase to wait for (BoardPage.open waits for one).
    await page.goto(`${session.server.url}/maps/${map.id}#token=${encodeURIComponent(map.token)}`);
    await page.getByTestId("board.add-phase").waitFor();
    const lead = (await boxOf(page, ".corner"))!;
    // Before: 491 px of 1024 (an invalid `repeat(0, …)` dropped the grid's columns).
    expect(lead.right - lead.left).toBeLessThanOrEqual(184);
    await page.screenshot({ path: `${SCREENSHOTS}/board-blank-1024.png` });
  });
});
