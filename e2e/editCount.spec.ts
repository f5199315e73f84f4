/**
 * Issue 15, B4: the connection badge counts edits, not keystrokes, and says where they are.
 * Offline, typing into two cells reads "2 edits kept on this device, not yet on the server";
 * going back into the first cell is a third edit, however fast; back online, "All changes
 * saved".
 *
 * Cells are found by their names, not their place: an open editor replaces its cell's button,
 * so "the first cell" is another cell while one is open (the spec this replaces typed twice
 * into one cell when, under load, an Escape came before the editor had focus and left it
 * open; it then read 1 edit for what it took as two cells).
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import type { BoardPage } from "./support/BoardPage.ts";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };

/** Opens `cell`'s editor, waits until it has focus, types `text` and closes it again. */
async function typeInto(board: BoardPage, cell: Locator, text: string) {
  await cell.click();
  const editor = board.page.getByTestId("board.cell-editor");
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement), POLL).toBe(true);
  await board.page.keyboard.type(text, { delay: 40 });
  await board.page.keyboard.press("Escape");
  await editor.waitFor({ state: "detached", ...POLL });
}

describeInBrowser("edits not yet on the server (B4)", (session) => {
  it("B4: offline edits read as edits kept on this device, one per visit to a cell", async () => {
    const map = await session.createMap("Edits", "saas-trial");
    const { board, context } = await session.openBoardAs(map, ROLE.owner, {
      viewport: { width: 1280, height: 800 },
    });
    const badge = board.connection();
    // The app shell must be cached before the network goes (a service worker keeps it).
    await board.page.locator('html[data-offline-ready="true"]').waitFor(POLL);
    const labels = await board.page
      .getByTestId("board.cell")
      .evaluateAll((cells) => cells.slice(0, 2).map((c) => c.getAttribute("aria-label") ?? ""));
    const [first, second] = labels.map((name) =>
      board.page.getByRole("button", { name, exact: true }),
    ) as [Locator, Locator];
    // Open a cell once online, so its editor's code is loaded before the network goes.
    await typeInto(board, first, "");
    await board.settled(POLL);
    await context.setOffline(true);
    await board.waitForStatus("offline", POLL);

    await typeInto(board, first, "Checkout is slow");
    await typeInto(board, second, "Too many fields");
    await expect.poll(() => first.innerText(), POLL).toContain("Checkout is slow");
    await expect.poll(() => second.innerText(), POLL).toContain("Too many fields");
    await expect.poll(() => badge.getAttribute("data-edits"), POLL).toBe("2");
    // The provider counted one update per keystroke: that number is not what people see.
    expect(Number(await badge.getAttribute("data-unsynced"))).toBeGreaterThan(2);
    expect(await badge.innerText()).toContain("2 edits kept on this device, not yet on the server");
    await board.page.screenshot({ path: path.join(SCREENSHOTS, "board-offline-edits.png") });

    // Back into the first cell at once: another visit, another edit.
    await typeInto(board, first, " at peak times");
    await expect.poll(() => badge.getAttribute("data-edits"), POLL).toBe("3");

    // On a small laptop the badge still fits in the header.
    await board.page.setViewportSize({ width: 1024, height: 768 });
    const box = (await badge.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await board.page.screenshot({ path: path.join(SCREENSHOTS, "board-offline-edits-1024.png") });

    await context.setOffline(false);
    await board.waitForStatus("online", { timeout: 30_000 });
    await expect.poll(() => badge.innerText(), POLL).toContain("All changes saved");
    expect(await badge.getAttribute("data-edits")).toBe("0");
    expect(await first.innerText()).toContain("Checkout is slow at peak times");
  }, 180_000);
});
