/**
 * Issue 15, B3: an editor whose link is revoked while they type is told at once that their
 * access ended, can download what they typed as a Journeymap file, and the badge never says
 * their refused edits were saved.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import { shareLinkOverHttp } from "@journeymap/testkit";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("access ended (B3)", (session) => {
  it("B3: a revoked editor is told, keeps a download of their text, and is never shown saved", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Revoked", "saas-trial");
    const link = await shareLinkOverHttp(session.server.url, map, { role: ROLE.editor });
    const { board: owner } = await session.openBoardAs(map, ROLE.owner);
    const { board } = await session.openBoard(map.id, link.token, { name: "Bob" });
    const page = board.page;
    const badge = board.connection();

    await page.getByTestId("board.cell").first().click();
    // Type once the editor has focus: a CI run typed into the instant before it had it.
    const editor = page.getByTestId("board.cell-editor");
    await expect
      .poll(() => editor.evaluate((el) => el === document.activeElement), { timeout: 30_000 })
      .toBe(true);
    await page.keyboard.type("Bob's idea", { delay: 30 });
    await owner.page.getByText("Bob's idea").first().waitFor({ timeout: 30_000 });

    // The owner revokes Bob's link while he keeps typing.
    const revoked = await fetch(`${session.server.url}/api/maps/${map.id}/links/${link.link.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${map.token}` },
    });
    expect(revoked.status).toBe(204);
    const notice = page.getByTestId("board.access-ended");
    await notice.waitFor({ timeout: 20_000 });
    await page.keyboard.type(" typed after", { delay: 30 });
    await page.keyboard.press("Escape");
    expect(await notice.innerText()).toContain("Your access to this map ended");
    expect(await notice.innerText()).not.toMatch(/permission-denied|4403/);
    // Whatever happens next, the badge never says the refused edits were saved.
    for (let i = 0; i < 5; i++) {
      expect(await badge.innerText()).not.toMatch(/saved/i);
      await page.waitForTimeout(400);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, "board-access-ended.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      notice.getByRole("button", { name: "Download my copy" }).click(),
    ]);
    const text = await readFile((await download.path())!, "utf8");
    expect(text).toContain("Bob's idea typed after");
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  });
});
