/**
 * Saves that fail, in real Chromium: the server is restarted with a store quota its store is
 * already past (MAX_STORE_BYTES), so every edit is refused and the socket closed. The board
 * must keep what was typed and say it is unsaved; once the server takes writes again the edit
 * is saved within seconds, with no action from the user.
 */
import { ROLE } from "@journeymap/protocol";
import { readJourneyMap } from "@journeymap/schema";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { serverDoc } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("failed saves", (session) => {
  it("H9: while saves fail the board shows its unsaved changes and keeps the text; they are saved once the server takes writes again", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Failing saves");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const badge = board.connection();

    await session.server.stop("SIGTERM");
    await session.server.start({ MAX_STORE_BYTES: "1" });
    await badge.and(board.page.locator('[data-status="online"]')).waitFor({ timeout: 30_000 });
    await board.renamePhase("Purchase", "Typed while refused");
    const unsaved = badge.and(board.page.locator(':not([data-unsynced="0"])'));
    await unsaved.waitFor({ timeout: 10_000 });
    // Counted as edits, and said where they are (issue 15, B4).
    await expect
      .poll(() => badge.innerText())
      .toMatch(/\d+ edits? (kept on this device, )?not yet on the server/);
    expect(await board.phaseNames()).toContain("Typed while refused");
    await board.page.screenshot({ path: `${ARTIFACTS}/unsaved-changes.png` });
    // Refused again on every reconnect, and still kept.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(Number(await badge.getAttribute("data-unsynced"))).toBeGreaterThan(0);
    expect(await board.phaseNames()).toContain("Typed while refused");

    await session.server.stop("SIGTERM");
    await session.server.start();
    // Within the provider's backoff (at most 5 s in the web app), not a ~30 s silence timeout.
    await badge.and(board.page.locator('[data-unsynced="0"]')).waitFor({ timeout: 15_000 });
    const doc = await serverDoc(session.server, map);
    expect(readJourneyMap(doc).phases.map((p) => p.name)).toContain("Typed while refused");
  });
});
