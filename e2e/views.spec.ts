/**
 * The board's other views in real Chromium: the view switcher (tabs kept in the URL), the
 * insights checked against the read model of the same template, and the table view as an
 * ARIA grid navigated and edited with the keyboard, live on another person's board.
 */
import { ROLE } from "@journeymap/protocol";
import path from "node:path";
import {
  createMapFromTemplate,
  journeyInsights,
  readJourneyMap,
  type JourneyMap,
} from "@journeymap/schema";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

/** The read model of a freshly seeded template: what the server seeds for the same id. */
function templateMap(id: string): JourneyMap {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, id);
  return readJourneyMap(doc);
}

/** The grid cell that has focus, as "row:col" and its column key. */
async function focusedCell(page: Page): Promise<{ cell: string | null; col: string | null }> {
  return page.evaluate(() => ({
    cell: document.activeElement?.getAttribute("data-cell") ?? null,
    col: document.activeElement?.getAttribute("data-col") ?? null,
  }));
}

async function pressUntilColumn(page: Page, key: string, prefix: string): Promise<string> {
  for (let i = 0; i < 30; i++) {
    const { col } = await focusedCell(page);
    if (col?.startsWith(prefix)) return col;
    await page.keyboard.press(key);
  }
  throw new Error(`no column starting with ${prefix}`);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(SCREENSHOTS, `views-${name}-light.png`) });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(SCREENSHOTS, `views-${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: "light" });
}

describeInBrowser("board views", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  it("switches views with the keyboard, keeps the view in the URL, and answers with the map's numbers", async () => {
    const expected = journeyInsights(templateMap("saas-trial"));
    const map = await session.createMap("Insights", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner, { name: "Ana" });
    const page = board.page;

    // Board is the default; arrows move along the tabs and select them.
    const tabs = page.getByRole("tablist", { name: "Views of the map" });
    expect(await tabs.getByRole("tab", { selected: true }).innerText()).toBe("Board");
    await page.getByTestId("views.tab-board").focus();
    await page.keyboard.press("ArrowRight");
    expect(await tabs.getByRole("tab", { selected: true }).innerText()).toBe("Table");
    expect(new URL(page.url()).searchParams.get("view")).toBe("table");
    await page.getByTestId("views.table").waitFor();
    await page.keyboard.press("ArrowRight");
    expect(await tabs.getByRole("tab", { selected: true }).innerText()).toBe("Insights");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("view-tab-insights");
    expect(new URL(page.url()).searchParams.get("view")).toBe("insights");
    await page.getByTestId("views.insights").waitFor();
    expect(await page.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(
      "view-tab-insights",
    );

    // Numbers first, equal to the insights of the same template's read model.
    const number = async (id: string) =>
      Number.parseInt(await page.getByTestId(id).innerText(), 10);
    expect(await number("views.total-steps")).toBe(expected.totalSteps);
    expect(await number("views.total-phases")).toBe(expected.stepsPerPhase.length);
    expect(await number("views.total-switches")).toBe(expected.channelSwitches.length);
    expect(await number("views.total-handoffs")).toBe(expected.handOffs.length);
    expect(expected.channelSwitches.length).toBeGreaterThan(0);
    const perPhase = await page.getByTestId("views.phase-steps-count").allInnerTexts();
    expect(perPhase.map((t) => Number.parseInt(t, 10))).toEqual(
      expected.stepsPerPhase.map((p) => p.steps),
    );
    expect(await page.getByTestId("views.switch-list").locator("li").count()).toBe(
      expected.channelSwitches.length,
    );
    expect(await page.getByTestId("views.handoff-list").locator("li").count()).toBe(
      expected.handOffs.length,
    );
    expect(await page.getByTestId("views.low-point").count()).toBe(expected.lowPoints.length);
    const severity = expected.hotspotsByPhase.reduce((n, h) => n + h.severity, 0);
    expect(await number("views.heat-total")).toBe(severity);
    // The omni-channel matrix counts every step exactly once.
    const counts = await page.getByTestId("views.matrix-cell").allInnerTexts();
    expect(counts.reduce((n, t) => n + Number.parseInt(t, 10), 0)).toBe(expected.totalSteps);

    // The view survives a reload.
    await page.reload();
    await page.getByTestId("views.insights").waitFor();
    expect(await tabs.getByRole("tab", { selected: true }).innerText()).toBe("Insights");
    await screenshot(page, "insights");
    await page.getByTestId("views.insights").evaluate((el) => el.scrollTo({ top: 10_000 }));
    await screenshot(page, "insights-matrix");

    // Back to the board: the address loses the parameter and the board is there again.
    await page.getByTestId("views.tab-board").click();
    expect(new URL(page.url()).searchParams.has("view")).toBe(false);
    await page.getByTestId("board.phase").first().waitFor();
  });

  it("navigates and edits the table with the keyboard; another person sees it on the board", async () => {
    const map = await session.createMap("Table", "saas-trial");
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, { name: "Ana" });
    const { board: ben } = await session.openBoardAs(map, ROLE.editor, { name: "Ben" });
    const page = ana.page;
    await page.getByTestId("views.tab-table").click();
    const grid = page.getByRole("grid", { name: "Journey map as a table" });
    await grid.waitFor();
    const seeded = templateMap("saas-trial");
    expect(await grid.getAttribute("aria-rowcount")).toBe(String(seeded.touchpoints.length + 1));
    // The curve's text alternative: one sentence per persona.
    expect(await page.getByTestId("views.curve-text").locator("li").count()).toBe(
      seeded.personas.length,
    );

    // One tab stop: Tab from the last tab lands in the grid's active cell (the first step).
    await page.getByTestId("views.tab-table").focus();
    await page.keyboard.press("Tab");
    for (let i = 0; i < 5 && !(await focusedCell(page)).cell; i++) await page.keyboard.press("Tab");
    expect(await focusedCell(page)).toEqual({ cell: "0:1", col: "name" });
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);

    // Arrows, Home/End, Ctrl+Home/End.
    await page.keyboard.press("ArrowDown");
    expect((await focusedCell(page)).cell).toBe("1:1");
    await page.keyboard.press("End");
    const lastCol = (await focusedCell(page)).cell;
    expect(lastCol?.startsWith("1:")).toBe(true);
    await page.keyboard.press("Home");
    expect((await focusedCell(page)).cell).toBe("1:0");
    await page.keyboard.press("Control+End");
    expect((await focusedCell(page)).cell).toBe(
      `${seeded.touchpoints.length - 1}:${lastCol?.split(":")[1]}`,
    );
    await page.keyboard.press("Control+Home");
    expect((await focusedCell(page)).cell).toBe("0:0");

    // Rename the second step: Enter edits, Escape cancels, Enter commits.
    const second = seeded.touchpoints[1]!;
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    expect(await focusedCell(page)).toEqual({ cell: "1:1", col: "name" });
    await page.keyboard.press("Enter");
    const editor = page.getByTestId("views.cell-editor");
    await editor.fill("Thrown away");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });
    expect(await focusedCell(page)).toEqual({ cell: "1:1", col: "name" });
    expect(await grid.locator('[data-cell="1:1"]').innerText()).toBe(second.name);
    await page.keyboard.press("F2");
    await editor.fill("Reads G2 and Capterra");
    await page.keyboard.press("Enter");
    await editor.waitFor({ state: "detached" });
    expect(await focusedCell(page)).toEqual({ cell: "1:1", col: "name" });
    await expect
      .poll(() => ben.touchpointNames(), { timeout: 10_000 })
      .toContain("Reads G2 and Capterra");

    // Presence both ways: Ben's board outlines the step Ana is on in the table, and the step
    // Ben selects on his board is outlined in Ana's table.
    const stepId = await grid
      .locator("tr[data-touchpoint-id]")
      .nth(1)
      .getAttribute("data-touchpoint-id");
    const styles = (p: Page) =>
      p
        .locator("style")
        .allInnerTexts()
        .then((t) => t.join("\n"));
    await expect.poll(() => styles(ben.page)).toContain(`[data-presence="touchpoint:${stepId}"]`);
    const benStep = ben.page.getByTestId("board.touchpoint").nth(3);
    const benStepId = await benStep.getAttribute("data-touchpoint-id");
    await benStep.getByTestId("board.touchpoint-name").focus();
    await expect
      .poll(() => styles(page))
      .toContain(`.tv-grid [data-presence="touchpoint:${benStepId}"]`);
    expect(await focusedCell(page)).toEqual({ cell: "1:1", col: "name" });

    // An empty name is refused with a message, and nothing changes.
    await page.keyboard.press("Enter");
    await editor.fill("   ");
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("views.cell-error").innerText()).toMatch(/needs a name/);
    await page.keyboard.press("Escape");

    // Typing over the team cell replaces it.
    await pressUntilColumn(page, "ArrowRight", "team");
    await page.keyboard.type("Growth");
    await page.keyboard.press("Enter");
    await expect.poll(() => grid.locator('[data-cell="1:4"]').innerText()).toBe("Growth");

    // The channel from a list box: arrows choose, Enter commits.
    await pressUntilColumn(page, "ArrowLeft", "channel");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => grid.locator('[data-cell="1:3"]').innerText()).toBe("Mobile app");

    // An emotion score: off the scale is refused and explained; −3 is saved and shown in words.
    const scoreCol = await pressUntilColumn(page, "ArrowRight", "emotion:");
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("views.cell-error").innerText()).toMatch(/off the scale/);
    await page.getByTestId("views.cell-editor").fill("-3");
    await page.keyboard.press("Enter");
    const scoreCell = grid.locator(`[data-cell^="1:"][data-col="${scoreCol}"]`);
    await expect.poll(() => scoreCell.innerText()).toMatch(/−3\s*Very negative/);
    await expect
      .poll(() => ben.emotionScore("Reads G2 and Capterra"), { timeout: 10_000 })
      .toBe("-3");

    // Live the other way: Ben raises the same point on his board; Ana's table follows.
    await ben.raiseEmotion("Reads G2 and Capterra");
    await expect.poll(() => scoreCell.innerText(), { timeout: 10_000 }).toMatch(/−2\s*Negative/);
    expect(await page.getByTestId("views.curve-text").innerText()).toContain(
      "Reads G2 and Capterra",
    );

    await page.keyboard.press("ArrowDown");
    await screenshot(page, "table");
    await page.keyboard.press("Enter");
    await screenshot(page, "table-editing");
    await page.keyboard.press("Escape");
  });

  it("lets a viewer read the table but not edit it", async () => {
    const map = await session.createMap("Viewer", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.viewer);
    const page = board.page;
    await page.getByTestId("views.tab-table").click();
    const grid = page.getByRole("grid");
    expect(await grid.getAttribute("aria-readonly")).toBe("true");
    await grid.locator('[data-cell="0:1"]').click();
    await page.keyboard.press("Enter");
    await page.keyboard.type("x");
    expect(await page.getByTestId("views.cell-editor").count()).toBe(0);
    expect(await page.getByRole("status").filter({ hasText: "can only view" }).count()).toBe(1);
  });
});
