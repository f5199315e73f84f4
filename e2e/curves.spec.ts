/**
 * Whose curve am I editing (issue 15, B6): a legend names each shown persona's curve in its
 * colour, one click makes a curve the edited one without hiding the others, and its points
 * are then the draggable, keyboard-editable ones. A second person sees the change.
 */
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("curves", (session) => {
  it("edits the second persona's curve from the legend while both stay shown", async () => {
    const map = await session.createMap("Curves", "saas-trial");
    const { board: ana } = await session.openBoard(map.id, map.token, {
      name: "Ana",
      viewport: { width: 1280, height: 800 },
    });
    const { board: ben } = await session.openBoard(
      map.id,
      await session.shareToken(map, ROLE.editor),
      { name: "Ben", viewport: { width: 1024, height: 768 } },
    );
    const legend = (page: typeof ana.page) => page.getByTestId("board.curve-legend-item");
    await expect
      .poll(() => legend(ana.page).allInnerTexts())
      .toEqual(["Priya Natarajan", "Tom Becker"]);
    // Both curves are drawn and named at their ends.
    await expect
      .poll(() => ana.page.getByTestId("board.curve-name").allTextContents())
      .toEqual(expect.arrayContaining(["Priya Natarajan", "Tom Becker"]));

    const step = "Starts a free trial";
    const scoreOf = async (persona: string) => {
      await legend(ana.page).filter({ hasText: persona }).click();
      await expect
        .poll(() => legend(ana.page).filter({ hasText: persona }).getAttribute("aria-pressed"))
        .toBe("true");
      return Number(await ana.emotionScore(step));
    };
    const priyaBefore = await scoreOf("Priya Natarajan");
    const tomBefore = await scoreOf("Tom Becker");

    // Tom's points are now the editable ones: a key on his point moves his score only.
    const point = ana.page.getByRole("slider", { name: `Tom Becker at ${step}` });
    await point.focus();
    await ana.page.keyboard.press(tomBefore < 3 ? "ArrowUp" : "ArrowDown");
    const tomAfter = tomBefore < 3 ? tomBefore + 1 : tomBefore - 1;
    await expect.poll(() => ana.emotionScore(step)).toBe(String(tomAfter));
    await ana.page.screenshot({ path: `${SCREENSHOTS}/emotion-curves.png` });
    expect(await scoreOf("Priya Natarajan")).toBe(priyaBefore);

    // Clicking a compared curve makes it the edited one too; Ben sees Tom's new score.
    await ben.page.getByTestId("board.curve-hit").first().dispatchEvent("click");
    await expect
      .poll(() => legend(ben.page).filter({ hasText: "Tom Becker" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expect.poll(() => ben.emotionScore(step), { timeout: 10_000 }).toBe(String(tomAfter));

    // Ben drags Tom's point at another step down; Ana sees Tom's score change, not Priya's.
    const other = "Verification email";
    const priyaAtOther = await scoreOf("Priya Natarajan");
    const tomAtOther = await scoreOf("Tom Becker");
    const benPoint = ben.page.getByRole("slider", { name: `Tom Becker at ${other}` });
    await benPoint.scrollIntoViewIfNeeded();
    const box = (await benPoint.locator("circle").last().boundingBox())!;
    await ben.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ben.page.mouse.down();
    await ben.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 6 });
    await ben.page.mouse.up();
    await expect.poll(async () => Number(await ben.emotionScore(other))).toBeLessThan(tomAtOther);
    const dragged = await ben.emotionScore(other);
    await expect.poll(() => ana.emotionScore(other), { timeout: 10_000 }).toBe(dragged);
    expect(await scoreOf("Priya Natarajan")).toBe(priyaAtOther);
    // The whole lane in view, under the sticky header (tall at 1024×768: issue 15, B9).
    await ben.page.locator(".emotion-lane").evaluate((el) => el.scrollIntoView({ block: "end" }));
    await ben.page.screenshot({ path: `${SCREENSHOTS}/emotion-curves-1024.png` });
  }, 120_000);
});
