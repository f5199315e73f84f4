/**
 * A search hit opens the map at the thing found, in real Chromium (issue 19): on a map wider
 * than the window, the hit for the last step opens the board scrolled to that step, selected
 * (it has focus) and highlighted; the `?focus=` parameter is gone afterwards, so a reload
 * does not jump again. Screenshots at 1280×800 and 1024×768.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Person, signUpWithWorkspace } from "./support/accounts.ts";
import { chromiumAvailable, SCREENSHOTS } from "./support/browser.ts";
import { serverAndBrowser } from "./support/serverAndBrowser.ts";
import { SHOTS, SIZES } from "./support/pageTools.ts";
import { importMap } from "./support/server.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };
/** More than the board renders at once (WINDOW_MIN_COLUMNS): the last column starts unrendered. */
const STEPS = 60;
const LAST_STEP = "Zebra refund desk";

/** A CSV of STEPS steps, six a phase, the last one named LAST_STEP. */
function wideCsv(): string {
  const rows = ["Phase,Touchpoint,Channel,Action,Emotion"];
  for (let n = 1; n <= STEPS; n++) {
    const name = n === STEPS ? LAST_STEP : `Step ${n}`;
    rows.push(`Phase ${Math.ceil(n / 6)},${name},Website,Does thing ${n},${(n % 7) - 3}`);
  }
  return `${rows.join("\n")}\n`;
}

/** Where an element sits against the board's scrolling window, and whether it has focus. */
function placeOf(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const el = document.querySelector<HTMLElement>(selector);
    const scroller = document.getElementById("board-scroll");
    if (!el || !scroller) return null;
    const box = el.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return {
      // The lane names stay in place over the board's left edge.
      inView:
        box.left >= view.left + (document.querySelector(".lane-header")?.clientWidth ?? 0) &&
        box.right <= view.right &&
        box.width > 0,
      scrolled: scroller.scrollLeft,
      focused: document.activeElement === el,
    };
  }, selector);
}

/** The step is in the board's window, selected and highlighted; a screenshot of it. */
async function expectShown(page: Page, step: string, shot: string, docs: boolean) {
  const place = await placeOf(page, step);
  expect(place).toMatchObject({ inView: true, focused: true });
  expect(place!.scrolled).toBeGreaterThan(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  if (docs) await page.screenshot({ path: path.join(SCREENSHOTS, "library-focus.png") });
}

describe.runIf(chromiumAvailable())("a search hit opens the map at the thing found", () => {
  const env = serverAndBrowser();

  it("scrolls to a step far to the right, selects and highlights it, and drops ?focus=", async () => {
    const context = await env.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const workspaceId = await signUpWithWorkspace(page, ANA);
    // A wide map (imported, then put in the workspace with its owner link and Ana's session).
    const map = await importMap(env.server, "csv", wideCsv(), "Wide journey");
    const claimed = await page.evaluate(
      async ({ map, workspaceId }) =>
        (
          await fetch(`/api/maps/${map.id}/claim`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${map.token}` },
            body: JSON.stringify({ workspaceId }),
          })
        ).status,
      { map, workspaceId },
    );
    expect(claimed).toBe(200);

    await page.goto(`${env.server.url}/workspaces/${workspaceId}/search`);
    const input = page.getByTestId("library.search.input");
    const hit = page.locator('[data-testid="library.search.hit"][data-kind="step"]');
    // Maps made over HTTP are indexed by the sweep (every 5 s): type again until it is.
    await expect
      .poll(
        async () => {
          await input.fill("");
          await input.fill("zebra");
          await page
            .locator('[data-testid="library.search.map"], [data-testid="library.search.empty"]')
            .first()
            .waitFor();
          return hit.count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    const href = (await hit.getAttribute("href")) ?? "";
    const focus = new URL(href, env.server.url).searchParams.get("focus") ?? "";
    expect(focus).toMatch(/^touchpoint:/);
    const step = `[data-presence=${JSON.stringify(focus)}]`;

    await hit.click();
    await page.locator(`${step}[data-focus-flash]`).waitFor({ timeout: 30_000 });
    expect(await page.locator(step).getAttribute("aria-label")).toBe(`Step ${LAST_STEP}`);
    await expectShown(page, step, "library-focus-1280x800", true);
    expect(page.url()).toBe(`${env.server.url}/maps/${map.id}`);

    // The same link in a smaller window.
    await page.setViewportSize(SIZES[1]);
    await page.goto(`${env.server.url}${href}`);
    await page.locator(`${step}[data-focus-flash]`).waitFor({ timeout: 30_000 });
    await expectShown(page, step, "library-focus-1024x768", false);
    expect(page.url()).toBe(`${env.server.url}/maps/${map.id}`);

    // The highlight fades; a reload opens the map at its start, not at the step again.
    await page.locator("[data-focus-flash]").waitFor({ state: "detached", timeout: 10_000 });
    await page.reload();
    await page.locator("[data-presence]").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect((await placeOf(page, "#board-scroll"))?.scrolled ?? 0).toBe(0);
    await context.close();
  }, 180_000);
});
