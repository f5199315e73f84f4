/**
 * Issue 15, B4: the connection badge counts edits, not keystrokes, and says where they are.
 * Offline, two edits of several keystrokes each (two cells typed in) read "2 edits kept on
 * this device, not yet on the server"; back online, "All changes saved".
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("edits not yet on the server (B4)", (session) => {
  it("B4: two offline edits of several keystrokes read as 2 edits kept on this device", async () => {
    const map = await session.createMap("Edits", "saas-trial");
    const { board, context } = await session.openBoardAs(map, ROLE.owner, {
      viewport: { width: 1280, height: 800 },
    });
    const badge = board.connection();
    // The app shell must be cached before the network goes (a service worker keeps it).
    await board.page.locator('html[data-offline-ready="true"]').waitFor();
    // Open a cell once online, so its editor's code is loaded before the network goes.
    await board.page.getByTestId("board.cell").first().click();
    await board.page.locator(".ProseMirror").waitFor();
    await board.page.keyboard.press("Escape");
    await context.setOffline(true);
    await board.waitForStatus("offline");

    for (const [cell, text] of [
      [0, "Checkout is slow"],
      [1, "Too many fields"],
    ] as const) {
      await board.page.getByTestId("board.cell").nth(cell).click();
      await board.page.locator(".ProseMirror").waitFor();
      await board.page.keyboard.type(text, { delay: 40 });
      await board.page.keyboard.press("Escape");
      await board.page.locator(".ProseMirror").waitFor({ state: "detached" });
    }
    await expect.poll(() => badge.getAttribute("data-edits")).toBe("2");
    // The provider counted one update per keystroke: that number is not what people see.
    expect(Number(await badge.getAttribute("data-unsynced"))).toBeGreaterThan(2);
    expect(await badge.innerText()).toContain("2 edits kept on this device, not yet on the server");
    await board.page.screenshot({ path: path.join(SCREENSHOTS, "board-offline-edits.png") });

    // On a small laptop the badge still fits in the header.
    await board.page.setViewportSize({ width: 1024, height: 768 });
    const box = (await badge.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await board.page.screenshot({ path: path.join(SCREENSHOTS, "board-offline-edits-1024.png") });

    await context.setOffline(false);
    await board.waitForStatus("online", { timeout: 30_000 });
    await expect.poll(() => badge.innerText(), { timeout: 20_000 }).toContain("All changes saved");
    expect(await badge.getAttribute("data-edits")).toBe("0");
  });
});
