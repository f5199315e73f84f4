/**
 * Issue 15 B12, the open path: a board link opens the map's connection while the board's code
 * is still loading (sync/openEarly.ts), and the board takes that connection over: one socket,
 * whose edits reach the server. The early start never skips a question the board would ask
 * first: a guest's name, or whether to switch to a link that would change our access.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { describeInBrowser } from "./support/session.ts";

/** Every sync socket the page opens, in order. */
function syncSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).pathname === "/sync") urls.push(socket.url());
  });
  return urls;
}

const linkTo = (base: string, mapId: string, token: string) =>
  `${base}/maps/${mapId}#token=${encodeURIComponent(token)}`;

describeInBrowser("B12: opening a board", (session) => {
  it("opens one socket, early, and the board's edits travel on it", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Early open");
    const context = await session.newContext({ name: "Ada" });
    const page = await context.newPage();
    const sockets = syncSockets(page);
    // The board's code is held until the socket is open and the account asked for: with
    // either waiting for the board (as before), the board would never show.
    const early = Promise.all([
      page.waitForEvent("websocket", { timeout: 60_000 }),
      page.waitForRequest((r) => new URL(r.url()).pathname === "/api/me", { timeout: 60_000 }),
    ]);
    await page.route(/\/assets\/BoardPage-[^/]*\.js$/, async (route) => {
      await early.catch(() => {});
      await route.continue();
    });
    const board = new BoardPage(page);
    await board.open(session.server.url, map.id, map.token);
    await early;
    await board.waitForStatus("online", { timeout: 20_000 });

    const [first] = await board.phaseNames();
    await board.renamePhase(first!, "Renamed after an early open");
    await board.settled({ timeout: 20_000 });
    // A second socket would mean the board opened its own beside the early one.
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toContain("name=Ada");
    expect(page.url()).not.toContain("token=");

    // The edit reached the server: a fresh page shows it.
    const other = new BoardPage(await (await session.newContext()).newPage());
    await other.open(session.server.url, map.id, map.token);
    expect(await other.phaseNames()).toContain("Renamed after an early open");
  });

  it("asks a guest for a name before any socket opens", { timeout: 120_000 }, async () => {
    const map = await session.createMap("Guest first");
    const editor = await session.shareToken(map, ROLE.editor);
    // No name on this device, no account: the board asks.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const sockets = syncSockets(page);
      await page.goto(linkTo(session.server.url, map.id, editor));
      await page.getByTestId("guest.name").waitFor();
      // Give an early socket every chance to appear: the board's chunks have loaded by now.
      await page.waitForLoadState("networkidle");
      expect(sockets).toHaveLength(0);

      await page.getByTestId("guest.name").fill("Gus");
      await page.getByTestId("guest.continue").click();
      await page.getByTestId("board.phase").first().waitFor();
      expect(sockets).toHaveLength(1);
      expect(sockets[0]).toContain("name=Gus");
    } finally {
      await context.close();
    }
  });

  it("drops the early socket when the person known here turns out signed out and nameless", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Signed out since");
    const editor = await session.shareToken(map, ROLE.editor);
    // Someone signed in on this device before (so the early start opens the map), with no
    // display name; their session has ended since: the server says signed out, the board asks.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript(() => {
        const user = { id: "u1", name: "Old", email: "old@example.test", color: "#336699" };
        localStorage.setItem(
          "journeymap.me",
          JSON.stringify({ user: { ...user, admin: false }, workspaces: [] }),
        );
      });
      const page = await context.newPage();
      const opened: { url: string; closed: boolean }[] = [];
      page.on("websocket", (socket) => {
        if (new URL(socket.url()).pathname !== "/sync") return;
        const entry = { url: socket.url(), closed: false };
        opened.push(entry);
        socket.on("close", () => {
          entry.closed = true;
        });
      });
      // The board's code arrives after the server said "signed out", so the board asks at once
      // (the other order mounts the board first and closes its socket on the answer, as ever).
      let signedOut = () => {};
      const answered = new Promise<void>((resolve) => {
        signedOut = resolve;
      });
      page.on("response", (response) => {
        if (new URL(response.url()).pathname === "/api/me") signedOut();
      });
      await page.route(/\/assets\/BoardPage-[^/]*\.js$/, async (route) => {
        await answered;
        await route.continue();
      });
      await page.goto(linkTo(session.server.url, map.id, editor));
      await page.getByTestId("guest.name").waitFor();
      // The early start has had its chance (its chunk loaded); whatever it opened before the
      // server's answer is closed while the dialog is up.
      await page.waitForLoadState("networkidle");
      await expect.poll(() => opened.every((s) => s.closed), { timeout: 20_000 }).toBe(true);

      await page.getByTestId("guest.name").fill("Gus");
      await page.getByTestId("guest.continue").click();
      await page.getByTestId("board.phase").first().waitFor();
      const open = opened.filter((s) => !s.closed);
      expect(open).toHaveLength(1);
      expect(open[0]!.url).toContain("name=Gus");
    } finally {
      await context.close();
    }
  });

  it("asks whether to switch to a link before connecting with either token", {
    timeout: 120_000,
  }, async () => {
    const map = await session.createMap("Asked first");
    const viewer = await session.shareToken(map, ROLE.viewer);
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const page = board.page;
    await page.goto("about:blank");
    const sockets = syncSockets(page);
    await page.goto(linkTo(session.server.url, map.id, viewer));
    await page.getByTestId("confirm.dialog").waitFor();
    await page.waitForLoadState("networkidle");
    expect(sockets).toHaveLength(0);

    await page.getByTestId("confirm.cancel").click();
    await page.getByTestId("board.phase").first().waitFor();
    // Kept the owner's access: the board is editable.
    await board.waitForStatus("online", { timeout: 20_000 });
    expect(await page.locator(".board--readonly").count()).toBe(0);
    expect(sockets).toHaveLength(1);
  });
});
