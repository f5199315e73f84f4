/**
 * Issue 15, B2: when two people rename one step at the same time, one name wins everywhere and
 * the other person is told who replaced their change, with a way to put theirs back.
 * Ben renames while offline and Ana online, so the two writes are truly concurrent whatever
 * the machine's load; which of them wins is Yjs' deterministic choice, so the test finds the
 * person who lost and checks the notice there.
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import type { BoardPage } from "./support/BoardPage.ts";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };

async function renameFirstStep(board: BoardPage, to: string) {
  await board.page.getByTestId("board.touchpoint-name").first().click();
  const input = board.page.getByTestId("board.touchpoint-name-input");
  await input.fill(to);
  await input.press("Enter");
}

const firstStep = (board: BoardPage) =>
  board.page.getByTestId("board.touchpoint-name").first().innerText();

describeInBrowser("changes replaced by someone else's (B2)", (session) => {
  it("B2: the person whose rename lost is told who replaced it and can put theirs back", async () => {
    const map = await session.createMap("Race", "saas-trial");
    const viewport = { width: 1280, height: 800 };
    const ana = await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport });
    const ben = await session.openBoardAs(map, ROLE.editor, { name: "Ben", viewport });
    for (const { board } of [ana, ben]) {
      await board.page.locator('html[data-offline-ready="true"]').waitFor();
      await board.waitForStatus("online", POLL);
    }
    // Each knows the other's name (presence) before the race.
    await ana.board.page.getByTestId("board.peer").first().waitFor(POLL);
    await ben.board.page.getByTestId("board.peer").first().waitFor(POLL);

    await ben.context.setOffline(true);
    await ben.board.waitForStatus("offline");
    await renameFirstStep(ana.board, "Pay");
    await ana.board.settled(POLL);
    await renameFirstStep(ben.board, "Checkout");
    await ben.context.setOffline(false);
    await ben.board.waitForStatus("online", POLL);

    // One name wins on both boards.
    await expect
      .poll(async () => (await firstStep(ana.board)) === (await firstStep(ben.board)), POLL)
      .toBe(true);
    const winner = await firstStep(ana.board);
    expect(["Pay", "Checkout"]).toContain(winner);
    const [loser, other, lost, by] =
      winner === "Pay" ? [ben, ana, "Checkout", "Ana"] : [ana, ben, "Pay", "Ben"];

    const notice = loser.board.page.getByTestId("board.overwritten");
    await notice.waitFor(POLL);
    expect(await notice.innerText()).toContain(
      `${by} renamed the step “${lost}” to “${winner}” after you`,
    );
    // The winner is not told anything: nothing of theirs was replaced.
    expect(await other.board.page.getByTestId("board.overwritten").count()).toBe(0);
    await loser.board.page.screenshot({
      path: path.join(SCREENSHOTS, "board-overwritten-notice.png"),
    });
    // On a small laptop the notice still fits and leaves the board usable.
    await loser.board.page.setViewportSize({ width: 1024, height: 768 });
    const box = (await notice.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await loser.board.page.screenshot({
      path: path.join(SCREENSHOTS, "board-overwritten-notice-1024.png"),
    });

    await notice.getByRole("button", { name: "Put mine back" }).click();
    await expect.poll(() => firstStep(loser.board), POLL).toBe(lost);
    await expect.poll(() => firstStep(other.board), POLL).toBe(lost);
    expect(await notice.count()).toBe(0);

    // Putting it back is an ordinary edit: Ctrl+Z takes it back.
    await loser.board.page.getByRole("button", { name: "Undo" }).first().click();
    await expect.poll(() => firstStep(other.board), POLL).toBe(winner);
  }, 180_000);
});
