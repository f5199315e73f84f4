/**
 * Issue 15, B11: the rough edges a facilitator notices — avatar initials and names, labels
 * with the right article.
 */
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("rough edges (B11)", (session) => {
  it("B11: a peer's avatar shows letters only and carries the full name", async () => {
    const map = await session.createMap("Rough edges");
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, { name: "Ana (PM)" });
    const { board: ben } = await session.openBoardAs(map, ROLE.editor, { name: "Ben" });
    const avatar = ben.page.getByTestId("board.peer").filter({ hasText: /^AP$/ });
    await avatar.waitFor();
    await expect
      .poll(() => ben.page.getByRole("button", { name: /Ana \(PM\)/ }).count())
      .toBeGreaterThan(0);
    await ben.page.screenshot({ path: `${SCREENSHOTS}/board-peer-initials.png` });
    await ana.page.close();
  });

  it("B11: the opportunity add button says 'an opportunity'", async () => {
    const map = await session.createMap("Articles", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    await board.page
      .getByRole("button", { name: /^Add an opportunity to / })
      .first()
      .waitFor();
    expect(await board.page.getByRole("button", { name: /^Add a opportunity/ }).count()).toBe(0);
  });

  it("B11: the drag live region announces names, not ids", async () => {
    const map = await session.createMap("Announcements");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const [first, second] = await board.touchpointNames();
    const region = board.page.locator('[id^="DndLiveRegion"]');
    await board.page.getByRole("button", { name: new RegExp(`^Reorder step ${first}`) }).focus();
    const heard: string[] = [];
    for (const key of ["Space", "ArrowRight", "Space"]) {
      await board.page.keyboard.press(key);
      await board.page.waitForTimeout(400); // dnd-kit measures between key presses (slow under load)
      heard.push((await region.textContent()) ?? "");
    }
    expect(heard[0]).toBe(`Picked up Step · ${first}.`);
    expect(heard[1]).toBe(`Step · ${first} is over Step · ${second}.`);
    expect(heard[2]).toBe(`Step · ${first} was dropped over Step · ${second}.`);
    expect(heard.join(" ")).not.toMatch(/touchpoint:/);
  });
});
