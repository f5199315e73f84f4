/**
 * The windowed board in real Chromium. Boards over 48 columns render only the columns near the
 * viewport (apps/web/src/board/columnWindow.ts); these tests use a 100-step map (10 phases of
 * 10 steps, imported as CSV) so that most steps start out not rendered, and check what
 * windowing must keep working: editing far away, Tab, follow mode, adding a step at the end,
 * and undoing an added phase while someone else looks at the end of the board.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS } from "./support/browser.ts";
import { type CreatedMap, importMap, type ServerHandle } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const PHASES = 10;
const STEPS_PER_PHASE = 10;
const STEPS = PHASES * STEPS_PER_PHASE;

/** "Step 1" … "Step 100" in "Phase 1" … "Phase 10", as a CSV of touchpoints (docs/format.md). */
function bigMapCsv(): string {
  const rows = ["Phase,Touchpoint,Channel,Action"];
  for (let n = 1; n <= STEPS; n++) {
    const phase = Math.ceil(n / STEPS_PER_PHASE);
    rows.push(`Phase ${phase},Step ${n},Website,Does thing ${n}`);
  }
  return `${rows.join("\n")}\n`;
}

function importBigMap(server: ServerHandle, title: string): Promise<CreatedMap> {
  return importMap(server, "csv", bigMapCsv(), title);
}

/** The map as the server stores it (its Journeymap file), to check edits reached it. */
async function exported(server: ServerHandle, map: CreatedMap): Promise<string> {
  const res = await fetch(`${server.url}/api/maps/${map.id}/export`, {
    headers: { authorization: `Bearer ${map.token}` },
  });
  return res.text();
}

/** Uncaught errors of a page, to check a board did not crash. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const scroller = (page: Page) => page.locator(".board-scroll");
const scrollLeft = (page: Page) => scroller(page).evaluate((el) => Math.round(el.scrollLeft));
const scrollToEnd = (page: Page) =>
  scroller(page).evaluate((el) => el.scrollTo({ left: el.scrollWidth }));

/** Whether the step named `name` is rendered and at least partly inside the board's viewport. */
const stepInView = (page: Page, name: string) =>
  page.evaluate((stepName) => {
    const scroll = document.querySelector(".board-scroll")!.getBoundingClientRect();
    const step = [...document.querySelectorAll('[data-testid="board.touchpoint"]')].find(
      (el) => el.getAttribute("aria-label") === `Step ${stepName}`,
    );
    if (!step) return false;
    const box = step.getBoundingClientRect();
    return box.right > scroll.left && box.left < scroll.right && box.width > 0;
  }, name);

/** The step ("Step 37") the focused element is in, or what else holds focus. */
const focusedStep = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const step = active?.closest('[data-testid="board.touchpoint"]');
    if (step) return step.getAttribute("aria-label")!.replace(/^Step /, "");
    return `not a step: ${active?.tagName} ${active?.className}`;
  });

describeInBrowser("windowed board (100 steps)", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  const openAs = async (
    name: string,
    map: CreatedMap,
    token: string,
    width = 1600,
  ): Promise<BoardPage> =>
    (await session.openBoard(map.id, token, { name, viewport: { width, height: 1000 } })).board;

  it("renders only the steps near the viewport, and edits a step at the far end", async () => {
    const map = await importBigMap(session.server, "Far end");
    const board = await openAs("Ana", map, map.token);
    const errors = pageErrors(board.page);

    // All ten phase bands, but only a window of the hundred steps.
    expect(await board.phases().count()).toBe(PHASES);
    const initial = await board.touchpointNames();
    expect(initial[0]).toBe("Step 1");
    expect(initial.length).toBeGreaterThan(6);
    expect(initial.length).toBeLessThan(40);
    expect(initial).not.toContain("Step 100");

    await scrollToEnd(board.page);
    await expect.poll(() => stepInView(board.page, "Step 100")).toBe(true);
    expect(await board.touchpointNames()).not.toContain("Step 1");

    const last = board.page.getByRole("article", { name: "Step Step 100", exact: true });
    await last.getByTestId("board.touchpoint-name").click();
    const input = board.page.getByTestId("board.touchpoint-name-input");
    await input.fill("Renews the plan");
    await input.press("Enter");
    await expect.poll(() => stepInView(board.page, "Renews the plan")).toBe(true);
    await expect.poll(() => exported(session.server, map)).toContain("Renews the plan");
    await board.page.screenshot({ path: `${ARTIFACTS}/board-window-far-end.png` });
    expect(errors).toEqual([]);
  });

  it("walks through the steps with Tab past the initial window", async () => {
    const map = await importBigMap(session.server, "Tab walk");
    const board = await openAs("Ana", map, map.token);
    const initial = await board.touchpointNames();
    const beyond = initial.length + 10;
    expect(initial).not.toContain(`Step ${beyond}`);

    await board.page
      .getByRole("article", { name: "Step Step 1", exact: true })
      .getByTestId("board.touchpoint-name")
      .focus();
    // Focus must stay in the steps row and walk right, step by step: when the last rendered
    // step is left, the next one must already be rendered (focusing scrolls, scrolling moves
    // the window), or Tab would fall through to the lanes below.
    let reached = 1;
    for (let i = 0; i < 400 && reached < beyond; i++) {
      await board.page.keyboard.press("Tab");
      const at = await focusedStep(board.page);
      const n = Number(at.replace(/^Step /, ""));
      expect(Number.isInteger(n), `Tab ${i + 1} left the steps: ${at}`).toBe(true);
      expect(n === reached || n === reached + 1, `Tab ${i + 1}: Step ${reached} → ${at}`).toBe(
        true,
      );
      reached = n;
    }
    expect(reached).toBe(beyond);
    await expect.poll(() => stepInView(board.page, `Step ${beyond}`)).toBe(true);
    expect(await board.touchpointNames()).not.toContain("Step 1");
  });

  it("follows a person to a step that is not rendered on the follower's board", async () => {
    const map = await importBigMap(session.server, "Follow");
    const ana = await openAs("Ana", map, map.token);
    // Ben's window is narrower than Ana's: what she selects at the edge of her screen is
    // outside the columns his board renders.
    const ben = await openAs("Ben", map, await session.shareToken(map, ROLE.editor), 700);
    const anaAvatar = ben.page.getByTestId("board.peer").and(ben.page.locator('[title*="Ana"]'));
    await anaAvatar.waitFor();
    await anaAvatar.click();
    await expect.poll(() => ben.page.getByTestId("board.following").innerText()).toMatch(/Ana/);

    // Far: Ana goes to step 90 and selects it; Ben's board scrolls there.
    await ana.page.evaluate(() => {
      const el = document.querySelector(".board-scroll")!;
      el.scrollTo({ left: 184 + 86 * 220 });
    });
    const far = ana.page.getByRole("article", { name: "Step Step 90", exact: true });
    await far.getByTestId("board.touchpoint-name").focus();
    await expect.poll(() => stepInView(ben.page, "Step 90"), { timeout: 10_000 }).toBe(true);

    // Not rendered on Ben's board. Following scales Ana's view into Ben's window (issue 15,
    // B10), so both boards render the same columns around the view; but the column holding
    // Ana's focus stays rendered on her board wherever she scrolls. Back at the start, she
    // selects (without scrolling) a cell of Step 90, which only her board renders.
    await ana.page.evaluate(() => document.querySelector(".board-scroll")!.scrollTo({ left: 0 }));
    await expect.poll(() => scrollLeft(ben.page), { timeout: 10_000 }).toBeLessThan(50);
    await expect.poll(async () => (await ben.touchpointNames())[0]).toBe("Step 1");
    expect(await ben.touchpointNames()).not.toContain("Step 90");
    const column = await far.evaluate(
      (el) => el.closest("[data-column-id]")!.getAttribute("data-column-id")!,
    );
    await ana.page
      .locator(`.cell[data-column-id="${column}"]`)
      .getByTestId("board.cell")
      .first()
      .evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
    expect(await scrollLeft(ana.page)).toBe(0);
    await expect.poll(() => stepInView(ben.page, "Step 90"), { timeout: 10_000 }).toBe(true);
    await ben.page.screenshot({ path: `${ARTIFACTS}/board-window-follow.png` });
  });

  it("drags a step far from the start, with the pointer and with the keyboard", async () => {
    const map = await importBigMap(session.server, "Drag");
    const board = await openAs("Ana", map, map.token);
    const errors = pageErrors(board.page);
    const step = (name: string) =>
      board.page.getByRole("article", { name: `Step ${name}`, exact: true });
    const around = async (first: number, last: number) => {
      const names = await board.touchpointNames();
      return names.slice(names.indexOf(`Step ${first}`), names.indexOf(`Step ${last}`) + 1);
    };
    await scroller(board.page).evaluate((el) => el.scrollTo({ left: 184 + 52 * 220 }));
    await expect.poll(() => stepInView(board.page, "Step 57")).toBe(true);

    // Pointer: Step 55's handle onto Step 57 (dnd-kit, closest centre).
    const handle = step("Step 55").getByRole("button", { name: /^Reorder step/ });
    const from = (await handle.boundingBox())!;
    const to = (await step("Step 57").boundingBox())!;
    await board.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await board.page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await board.page.mouse.move(
        from.x + ((to.x + to.width / 2 - from.x) * i) / 10,
        from.y + from.height / 2,
      );
    await board.page.mouse.up();
    await expect
      .poll(() => around(54, 58))
      .toEqual(["Step 54", "Step 56", "Step 57", "Step 55", "Step 58"]);

    // Keyboard: Space, Arrow right, Space on Step 58's handle moves it one place right.
    const keyHandle = step("Step 58").getByRole("button", { name: /^Reorder step/ });
    await keyHandle.focus();
    for (const key of ["Space", "ArrowRight", "Space"]) {
      await board.page.keyboard.press(key);
      await board.page.waitForTimeout(400); // dnd-kit measures between key presses (slow under load)
    }
    await expect.poll(() => around(57, 58)).toEqual(["Step 57", "Step 55", "Step 59", "Step 58"]);
    expect(errors).toEqual([]);
  });

  it("keeps a step added at the far right rendered and editable", async () => {
    const map = await importBigMap(session.server, "Add at the end");
    const board = await openAs("Ana", map, map.token);
    const errors = pageErrors(board.page);
    await scrollToEnd(board.page);
    await expect.poll(() => stepInView(board.page, "Step 100")).toBe(true);

    await board.addTouchpoint(`Phase ${PHASES}`, "Leaves a review");
    await expect.poll(() => stepInView(board.page, "Leaves a review")).toBe(true);
    // It is the last step, at the far right, and stays editable: rename it again.
    await expect.poll(async () => (await board.touchpointNames()).at(-1)).toBe("Leaves a review");
    await board.page
      .getByRole("article", { name: "Step Leaves a review", exact: true })
      .getByTestId("board.touchpoint-name")
      .click();
    const input = board.page.getByTestId("board.touchpoint-name-input");
    await input.fill("Writes a review");
    await input.press("Enter");
    await expect.poll(() => stepInView(board.page, "Writes a review")).toBe(true);
    await expect.poll(() => exported(session.server, map)).toContain("Writes a review");
    expect(errors).toEqual([]);
  });

  it("undoing an added phase does not break the board of someone looking at the end", async () => {
    const map = await importBigMap(session.server, "Undo a phase");
    const ana = await openAs("Ana", map, map.token);
    const ben = await openAs("Ben", map, await session.shareToken(map, ROLE.editor));
    const benErrors = pageErrors(ben.page);
    const anaErrors = pageErrors(ana.page);
    await scrollToEnd(ana.page);
    await scrollToEnd(ben.page);
    await expect.poll(() => stepInView(ben.page, "Step 100")).toBe(true);
    const before = await ben.phaseNames();

    for (let round = 0; round < 3; round++) {
      await ana.runCommand("Add a phase");
      await expect.poll(() => ben.phaseNames()).toEqual([...before, "New phase"]);
      // Ana leaves the new phase's name, open for typing (B7), before undoing.
      await ana.page.getByTestId("board.phase-name-input").press("Escape");
      // Ben follows the board's new right end, where the new phase's empty column is.
      await scrollToEnd(ben.page);
      await ana.page.locator("body").press("Control+z");
      await expect.poll(() => ben.phaseNames()).toEqual(before);
    }
    // Ben's board still works at the end: step 100 is there and editable.
    await expect.poll(() => stepInView(ben.page, "Step 100")).toBe(true);
    await ben.page
      .getByRole("article", { name: "Step Step 100", exact: true })
      .getByTestId("board.touchpoint-name")
      .click();
    await ben.page.getByTestId("board.touchpoint-name-input").fill("Still here");
    await ben.page.getByTestId("board.touchpoint-name-input").press("Enter");
    await expect.poll(() => ana.touchpointNames()).toContain("Still here");
    expect(benErrors).toEqual([]);
    expect(anaErrors).toEqual([]);
  });
});
