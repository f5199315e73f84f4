/**
 * Rich text everywhere (issue 15, B5) in real Chromium: Ana formats a cell with the toolbar
 * (bold, a bulleted list, a link asked for in the app), and the formatting shows on her board
 * once she leaves the cell, on Ben's board, in the table view and on the slides.
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

/** True while the caret is in the cell's text (the toolbar must not take it away). */
const focusInText = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest(".ProseMirror")));

/** The page at 1280 wide (for docs) and at 1024×768 (for looking at a small laptop). */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1024.png`) });
  await page.setViewportSize(wide);
}

describeInBrowser("rich text", (session) => {
  it("formats a cell with the toolbar; board, table, slides and another person show it", async () => {
    const map = await session.createMap("Rich text", "saas-trial");
    const viewport = { width: 1280, height: 800 };
    const ana = (await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport })).board;
    const ben = (await session.openBoardAs(map, ROLE.editor, { name: "Ben", viewport })).board;
    const page = ana.page;
    const [step] = await ana.touchpointNames();
    const cellName = `Edit Actions at ${step}`;
    const cell = (p: Page) => p.getByRole("button", { name: cellName, exact: true });

    // No toolbar until a cell is being edited.
    const toolbar = page.getByRole("toolbar", { name: "Text formatting" });
    expect(await toolbar.count()).toBe(0);
    await cell(page).click();
    const editor = page.getByTestId("board.cell-editor");
    await page.locator(".ProseMirror-focused").waitFor();
    await toolbar.waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Pays now");
    await expect.poll(() => editor.innerText()).toBe("Pays now");

    // Bold from the toolbar on the selected word: the caret stays in the text.
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowLeft");
    const bold = toolbar.getByRole("button", { name: "Bold" });
    expect(await bold.getAttribute("aria-pressed")).toBe("false");
    await bold.click();
    await expect.poll(() => editor.locator("strong").allInnerTexts()).toEqual(["now"]);
    expect(await focusInText(page)).toBe(true);
    expect(await bold.getAttribute("aria-pressed")).toBe("true");

    // A bulleted list from the toolbar, on a new line. The collaboration plugin puts the
    // selection back when an update comes round from the server: Enter pressed before that
    // would replace the bold word, so the edit is confirmed and the caret checked first.
    await ana.settled();
    await page.keyboard.press("End");
    await expect.poll(() => page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Bulleted list" }).click();
    expect(await focusInText(page)).toBe(true);
    await page.keyboard.type("Card declined");
    await expect.poll(() => editor.locator("li").allInnerTexts()).toEqual(["Card declined"]);
    expect(
      await toolbar.getByRole("button", { name: "Bulleted list" }).getAttribute("aria-pressed"),
    ).toBe("true");

    // The toolbar sits above the text being typed, never over it.
    const bar = (await toolbar.boundingBox())!;
    const text = (await editor.boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(text.y);
    await screenshots(page, "board-rich-text");

    // Keyboard: Alt+F10 reaches the toolbar, arrows move along it, Escape goes back to the text.
    await page.keyboard.press("Alt+F10");
    await expect.poll(() => page.evaluate(() => document.activeElement?.ariaLabel)).toBe("Bold");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => document.activeElement?.ariaLabel)).toBe("Italic");
    await page.keyboard.press("Escape");
    await expect.poll(() => focusInText(page)).toBe(true);
    await toolbar.waitFor(); // still editing

    // A link, asked for in the app: a script address is refused, a web address is kept.
    await page.keyboard.press("Enter");
    await page.keyboard.type("See ");
    const form = page.getByRole("dialog", { name: "Add a link" });
    // Escape in the link field closes it and goes back to the text, still editing.
    await toolbar.getByRole("button", { name: "Link" }).click();
    await form.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => focusInText(page)).toBe(true);
    expect(await form.count()).toBe(0);
    await toolbar.getByRole("button", { name: "Link" }).click();
    const address = form.getByRole("textbox", { name: "Link address" });
    await address.fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Add" }).click();
    expect(await form.getByRole("alert").innerText()).toMatch(/Only web addresses/);
    await address.fill("example.com/help");
    await form.getByRole("button", { name: "Add" }).click();
    await expect
      .poll(() => editor.locator("a").getAttribute("href"))
      .toBe("https://example.com/help");
    await expect.poll(() => focusInText(page)).toBe(true);

    // Leaving the cell: the board shows the formatting, and the toolbar is gone.
    await page.keyboard.press("Escape");
    await expect.poll(() => cell(page).locator("strong").allInnerTexts()).toEqual(["now"]);
    expect(await cell(page).locator("li").allInnerTexts()).toEqual([
      "Card declined",
      "See example.com/help",
    ]);
    expect(await toolbar.count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "board-rich-text-static.png") });

    // Ben, in another browser, sees the same formatting.
    await expect.poll(() => cell(ben.page).locator("strong").allInnerTexts()).toEqual(["now"]);
    expect(await cell(ben.page).locator("li").allInnerTexts()).toEqual([
      "Card declined",
      "See example.com/help",
    ]);
    await ana.settled();

    // The table view shows it too, with a working link.
    await page.getByTestId("views.tab-table").click();
    const table = page.getByTestId("views.table");
    await table.waitFor();
    const tableCell = table.getByTestId("rich-text").filter({ hasText: "Pays now" });
    expect(await tableCell.locator("strong").allInnerTexts()).toEqual(["now"]);
    expect(await tableCell.locator("li").count()).toBe(2);
    expect(await tableCell.locator("a").getAttribute("href")).toBe("https://example.com/help");
    await tableCell.scrollIntoViewIfNeeded();
    await screenshots(page, "views-table-rich-text");

    // And so do the slides: the first phase's slide holds the step.
    await page.getByTestId("views.tab-board").click();
    await page.getByTestId("board.present").click();
    await page.getByTestId("present").waitFor();
    await page.keyboard.press("ArrowRight");
    const slideStep = page.getByRole("article", { name: `Step ${step}` });
    await expect.poll(() => slideStep.locator("strong").allInnerTexts()).toEqual(["now"]);
    expect(await slideStep.getByTestId("rich-text").locator("li").count()).toBe(2);
    expect(await slideStep.locator("a").getAttribute("href")).toBe("https://example.com/help");
    await page.screenshot({ path: path.join(ARTIFACTS, "present-rich-text.png") });
    // Two browsers, three views and a presentation: generous for a loaded 2-core machine.
  }, 180_000);
});
