/**
 * Offline and merge, in real Chromium: one person goes offline, both edit the same and
 * different things, the offline one reloads while still offline and keeps their edits, then
 * reconnects; both converge, checked through the UI and through the server's read model.
 */
import { ROLE } from "@journeymap/protocol";
import { readJourneyMap } from "@journeymap/schema";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { serverDoc } from "./support/server.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("offline and merge", (session) => {
  const openBoard = (mapId: string, token: string) => session.openBoard(mapId, token);

  it("keeps offline edits across a reload and merges them on reconnect", async () => {
    const map = await session.createMap("Offline workshop");
    const { board: online } = await openBoard(map.id, map.token);
    const { board: away, context: awayContext } = await openBoard(
      map.id,
      await session.shareToken(map, ROLE.editor),
    );
    // The app shell must be cached before the network goes (a service worker keeps it).
    await away.page.locator('html[data-offline-ready="true"]').waitFor();

    await awayContext.setOffline(true);
    await away.waitForStatus("offline");

    // Different things on each side, and the same phase renamed on both.
    await away.renamePhase("Purchase", "Buy (offline)");
    await away.addTouchpoint("Onboarding", "Reads the offline guide");
    await online.renamePhase("Awareness", "Discover (online)");
    await online.addTouchpoint("Retention", "Gets a renewal email");
    // The same thing on both sides: one phase renamed differently. One name wins, everywhere.
    await away.renamePhase("Retention", "Stay (offline)");
    await online.renamePhase("Retention", "Stay (online)");

    // Reload while still offline: the map opens from IndexedDB with the offline edits.
    await away.page.reload();
    await away.page.getByTestId("board.phase").first().waitFor();
    expect(await away.phaseNames()).toContain("Buy (offline)");
    expect(await away.touchpointNames()).toContain("Reads the offline guide");
    expect(await away.phaseNames()).not.toContain("Discover (online)");
    await away.page.screenshot({ path: `${ARTIFACTS}/offline-reloaded.png` });

    await awayContext.setOffline(false);
    await away.waitForStatus("online", { timeout: 30_000 });
    for (const board of [online, away]) {
      await expect
        .poll(() => board.phaseNames(), { timeout: 20_000 })
        .toContain("Discover (online)");
      await expect.poll(() => board.phaseNames(), { timeout: 20_000 }).toContain("Buy (offline)");
      await expect
        .poll(() => board.touchpointNames(), { timeout: 20_000 })
        .toContain("Reads the offline guide");
      await expect
        .poll(() => board.touchpointNames(), { timeout: 20_000 })
        .toContain("Gets a renewal email");
    }
    await expect
      .poll(async () => (await away.phaseNames()).join("|"), { timeout: 20_000 })
      .toBe((await online.phaseNames()).join("|"));
    expect(await online.phaseNames()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Stay \((offline|online)\)$/)]),
    );
    expect(await away.touchpointNames()).toEqual(await online.touchpointNames());

    // And the server's own copy, through the history API's state, reads the same.
    await away.settled();
    const stored = readJourneyMap(await serverDoc(session.server, map));
    expect(stored.phases.map((p) => p.name)).toEqual(await online.phaseNames());
    expect(stored.touchpoints.map((t) => t.name)).toEqual(await online.touchpointNames());
  });

  it("works online only, and says so, when the browser's IndexedDB fails", async () => {
    const map = await session.createMap("No local copy");
    const context = await session.newContext();
    // As in a private window or a browser with storage disabled: opening a database fails.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException("IndexedDB is disabled", "InvalidStateError");
      };
    });
    const broken = new BoardPage(await context.newPage());
    await broken.open(session.server.url, map.id, map.token);
    await broken.page.getByText("No offline copy").waitFor();
    await broken.page.screenshot({ path: `${ARTIFACTS}/no-offline-copy.png` });

    // Editing still works and reaches others.
    const { board: other } = await openBoard(map.id, await session.shareToken(map, ROLE.editor));
    await broken.renamePhase("Awareness", "Found us");
    await expect.poll(() => other.phaseNames()).toContain("Found us");
    await broken.settled();
  });
});
