/**
 * Issue 16, R5: restoring a whole named version changes everyone's board, so it asks first,
 * tells everyone on the map, and can be undone from the history after a reload, as a new edit.
 */
import { ROLE } from "@journeymap/protocol";
import { readJourneyMap } from "@journeymap/schema";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { serverDoc } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const WAIT = { timeout: 20_000 };

async function openHistory(page: Page): Promise<void> {
  await page.getByTestId("board.history").click();
  await page.getByTestId("history.board").getByTestId("board.phase").first().waitFor(WAIT);
}

describeInBrowser("whole-version restore (R5)", (session) => {
  it("R5: asks first, tells Ben, and 'Undo this restore' after a reload brings back the map on both boards", async () => {
    const map = await session.createMap("Restored for everyone");
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, { name: "Ana" });
    const { board: ben } = await session.openBoardAs(map, ROLE.editor, {
      name: "Ben",
      viewport: { width: 1280, height: 800 },
    });
    const original = await ana.phaseNames();
    const page = ana.page;

    // Ana names the map as it is now.
    await openHistory(page);
    await page.getByTestId("history.version-name").fill("Before workshop");
    await page.getByTestId("history.version-create").click();
    const version = page.getByTestId("history.version").filter({ hasText: "Before workshop" });
    await version.waitFor();
    await page.getByTestId("history.back").click();

    // The workshop: Ana renames a phase, Ben adds a step.
    await ana.renamePhase(original[0]!, "Discover");
    await ana.settled();
    await ben.phase("Discover").waitFor(WAIT);
    await ben.addTouchpoint(original[1]!, "Applies a coupon");
    await ben.settled();
    await ana.page.getByText("Applies a coupon", { exact: true }).waitFor(WAIT);
    const workshop = await ben.phaseNames();

    // Restoring asks first; cancelling changes nothing.
    await openHistory(page);
    await version.getByTestId("history.version-restore").click();
    const ask = page.getByRole("alertdialog", { name: "Restore “Before workshop” for everyone?" });
    await ask.waitFor();
    await page.getByTestId("confirm.cancel").click();
    await ask.waitFor({ state: "detached" });
    expect(await ben.phaseNames()).toEqual(workshop);
    await version.getByTestId("history.version-restore").click();
    await page.getByTestId("confirm.ok").click();
    await expect
      .poll(() => page.getByTestId("history.notice").innerText(), WAIT)
      .toMatch(/Restored/);

    // Ben's board follows, and says who restored what.
    await expect.poll(() => ben.phaseNames(), WAIT).toEqual(original);
    const notice = ben.page.getByTestId("board.restore-notice");
    await notice.waitFor(WAIT);
    expect(await notice.innerText()).toMatch(/Ana restored “Before workshop”/);
    expect(await notice.getByRole("link", { name: "See what changed" }).count()).toBe(1);
    await ben.page.screenshot({ path: `${SCREENSHOTS}/history-restore-notice.png` });
    await ben.page.setViewportSize({ width: 1024, height: 768 });
    await ben.page.screenshot({ path: `${ARTIFACTS}/history-restore-notice-1024.png` });
    // Ana restored it: her own board does not announce it to her.
    expect(await page.getByTestId("board.restore-notice").count()).toBe(0);

    // Shown once: after a reload Ben is not told again.
    await ben.page.reload();
    await ben.page.getByTestId("board.phase").first().waitFor(WAIT);
    await ben.settled(WAIT);
    expect(await ben.page.getByTestId("board.restore-notice").count()).toBe(0);

    // After a reload, the history still offers to undo the restore.
    await page.reload();
    await page.getByTestId("history.board").getByTestId("board.phase").first().waitFor(WAIT);
    const last = page.getByTestId("history.last-restore");
    await last.waitFor(WAIT);
    expect(await last.innerText()).toMatch(/Ana restored “Before workshop”/);
    await page.screenshot({ path: `${ARTIFACTS}/history-last-restore.png` });
    await last.getByTestId("history.undo-restore").click();
    await page
      .getByRole("alertdialog", { name: /Undo the restore of “Before workshop”/ })
      .waitFor();
    await page.getByTestId("confirm.ok").click();

    // The map as it was just before the restore, on both boards and on the server.
    await expect.poll(() => ben.phaseNames(), WAIT).toEqual(workshop);
    await ben.page.getByText("Applies a coupon", { exact: true }).waitFor(WAIT);
    await expect
      .poll(
        async () => readJourneyMap(await serverDoc(session.server, map)).phases.map((p) => p.name),
        WAIT,
      )
      .toEqual(workshop);
    await expect
      .poll(() => ben.page.getByTestId("board.restore-notice").innerText(), WAIT)
      .toMatch(/Ana undid the restore of “Before workshop”/);
    await page.getByTestId("history.back").click();
    await expect.poll(() => ana.phaseNames(), WAIT).toEqual(workshop);
  }, 240_000);
});
