/**
 * Issue 16, R6: on the board itself, a step's menu and a card's details say who added the
 * thing and who changed it last, from the server's log (not only inside the history).
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };

describeInBrowser("who added and changed things, on the board (R6)", (session) => {
  it("R6: a step's menu and a card's details name who added and who last changed them", async () => {
    const map = await session.createMap("Attribution", "saas-trial");
    const viewport = { width: 1280, height: 800 };
    const ana = (await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport })).board;
    const ben = (await session.openBoardAs(map, ROLE.editor, { name: "Ben", viewport })).board;
    const phase = (await ana.phaseNames())[0]!;

    // Ana adds a step and a pain point on it; Ben renames both.
    await ana.addTouchpoint(phase, "Applies a coupon");
    await ana.page.getByRole("button", { name: "Add a pain point to Applies a coupon" }).click();
    const title = ana.page.getByRole("textbox", { name: "pain point title" });
    await title.fill("Coupon refused");
    await title.press("Enter");
    await ana.settled(POLL);

    const benStep = ben.page.getByTestId("board.touchpoint-name").getByText("Applies a coupon");
    await benStep.waitFor(POLL);
    await benStep.click();
    await ben.page.getByTestId("board.touchpoint-name-input").fill("Uses a coupon");
    await ben.page.getByTestId("board.touchpoint-name-input").press("Enter");
    await ben.page.getByRole("button", { name: /^pain point title: Coupon refused/ }).click();
    await ben.page.getByRole("textbox", { name: "pain point title" }).fill("Coupon code refused");
    await ben.page.getByRole("textbox", { name: "pain point title" }).press("Enter");
    await ben.settled(POLL);

    // Ana's step menu says it.
    const step = ana.page.getByTestId("board.touchpoint").filter({ hasText: "Uses a coupon" });
    await step.waitFor(POLL);
    await step.click({ button: "right", position: { x: 40, y: 10 } });
    const line = ana.page.getByTestId("context-menu").getByTestId("board.attribution");
    await expect
      .poll(() => line.innerText(), POLL)
      .toBe("Added by Ana · just now · Last changed by Ben · just now");
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "board-attribution.png") });
    await ana.page.keyboard.press("Escape");

    // Ana's card says it on hover.
    const card = ana.page.getByTestId("board.card").filter({ hasText: "Coupon code refused" });
    await card.hover();
    await card.getByTestId("board.card-attribution").hover();
    await expect
      .poll(() => card.getByTestId("board.attribution").innerText(), POLL)
      .toBe("Added by Ana · just now · Last changed by Ben · just now");
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "board-attribution-card.png") });

    // Ben changes the step again: Ana's menu, opened again, is up to date.
    await ana.page.setViewportSize({ width: 1024, height: 768 });
    await ben.page.getByTestId("board.touchpoint-name").getByText("Uses a coupon").click();
    await ben.page.getByTestId("board.touchpoint-name-input").fill("Enters a coupon");
    await ben.page.getByTestId("board.touchpoint-name-input").press("Enter");
    await ben.settled(POLL);
    const again = ana.page.getByTestId("board.touchpoint").filter({ hasText: "Enters a coupon" });
    await again.waitFor(POLL);
    await again.click({ button: "right", position: { x: 40, y: 10 } });
    await expect.poll(() => line.innerText(), POLL).toContain("Last changed by Ben · just now");
    const box = (await ana.page.getByTestId("context-menu").boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "board-attribution-1024.png") });
  }, 180_000);
});
