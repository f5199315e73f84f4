/**
 * Issue 15, B7: what a person types after adding something names it. A new pain point, phase,
 * lane, step or persona opens its name field, so spaces do not press the add button again,
 * and single-key shortcuts never fire while a button or a field has focus.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

/** The accessible name (aria-label) of the focused element, or its tag when it has none. */
const focusedLabel = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName,
  );

describeInBrowser("board focus (B7)", (session) => {
  it("B7: typing after '+ pain point' names the one new card", async () => {
    const map = await session.createMap("Focus", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner, {
      viewport: { width: 1280, height: 860 },
    });
    const { board: other } = await session.openBoardAs(map, ROLE.editor);
    const cards = board.page.getByTestId("board.card");
    const before = await cards.count();
    await board.page
      .getByRole("button", { name: /^Add a pain point to / })
      .first()
      .click();
    await board.page.keyboard.type("Checkout is slow");
    await board.page.screenshot({ path: `${ARTIFACTS}/board-new-pain-point.png` });
    await board.page.keyboard.press("Enter");
    await expect.poll(() => cards.count()).toBe(before + 1);
    await expect.poll(() => cards.filter({ hasText: "Checkout is slow" }).count()).toBe(1);
    await expect
      .poll(() =>
        other.page.getByTestId("board.card").filter({ hasText: "Checkout is slow" }).count(),
      )
      .toBe(1);
    expect(await other.page.getByTestId("board.card").count()).toBe(before + 1);
  });

  it("B7: new phases, lanes and personas open their name field", async () => {
    const map = await session.createMap("Names");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    await board.page.getByTestId("board.add-phase").click();
    await expect.poll(() => focusedLabel(board.page)).toBe("Phase name");
    await board.page.keyboard.type("Onboarding");
    await board.page.keyboard.press("Enter");
    await expect.poll(() => board.phaseNames()).toContain("Onboarding");

    await board.page.getByTestId("board.add-lane").click();
    await expect.poll(() => focusedLabel(board.page)).toBe("Lane name");
    await board.page.keyboard.type("Backstage");
    await board.page.keyboard.press("Enter");
    await expect.poll(() => board.laneNames()).toContain("Backstage");

    await board.runCommand("Add a persona");
    const dialog = board.page.getByTestId("personas.dialog");
    await expect
      .poll(() => dialog.getByLabel("Name").evaluate((el) => el === document.activeElement))
      .toBe(true);
    await board.page.keyboard.type("Ana the buyer");
    await dialog.getByLabel("Role").focus();
    await expect.poll(() => board.page.locator(".persona-chip").count()).toBeGreaterThan(0);
  });

  it("B7: a single-key shortcut does nothing while a button has focus", async () => {
    const map = await session.createMap("Keys");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const minimap = board.page.getByTestId("board.minimap");
    await minimap.waitFor();
    await board.page.getByTestId("board.add-lane").focus();
    await board.page.keyboard.press("m");
    await board.page.keyboard.press("Shift+1");
    expect(await board.page.getByTestId("board.zoom").innerText()).toBe("100%");
    // Give a toggle time to show: the minimap is still there.
    await board.page.waitForTimeout(300);
    expect(await minimap.count()).toBe(1);
    // Outside buttons and fields the shortcut still works.
    await board.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await board.page.keyboard.press("m");
    await minimap.waitFor({ state: "detached" });
  });
});
