/**
 * The walking skeleton, end to end in real Chromium against the real server: two people on
 * one map see each other's edits live, and the edits survive a server restart.
 */
import { ROLE } from "@journeymap/protocol";
import { findTemplate } from "@journeymap/schema";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("walking skeleton", (session) => {
  const openBoard = async (mapId: string, token: string) =>
    (await session.openBoard(mapId, token)).board;

  it("shows one person's edits to another live, and keeps them across a server restart", async () => {
    const map = await session.createMap("Two people, one map");
    const alice = await openBoard(map.id, map.token);
    const bob = await openBoard(map.id, await session.shareToken(map, ROLE.editor));
    // A new map holds the classic template's phases: Awareness … Advocacy.
    expect(await bob.phaseNames()).toEqual(findTemplate("default")!.phases.map((p) => p.name));

    await alice.renamePhase("Awareness", "Discover");
    await bob.phase("Discover").waitFor();

    await alice.addTouchpoint("Purchase", "Applies a coupon");
    await bob.page
      .getByTestId("board.touchpoint-name")
      .getByText("Applies a coupon", { exact: true })
      .waitFor();

    await alice.movePhase("Advocacy", "left");
    await expect
      .poll(() => bob.phaseNames())
      .toEqual(["Discover", "Consideration", "Purchase", "Onboarding", "Advocacy", "Retention"]);

    const before = Number(await bob.emotionScore("Checks out"));
    await alice.raiseEmotion("Checks out");
    await expect.poll(() => bob.emotionScore("Checks out")).toBe(String(before + 1));

    await alice.settled();
    await bob.page.screenshot({ path: `${ARTIFACTS}/board-live.png`, fullPage: false });

    await session.server.stop("SIGTERM");
    // The browser still has a network: the server is gone, so the board says it reconnects.
    await bob.waitForStatus("reconnecting");
    await session.server.start();
    // A fresh browser (no local copy) sees the edits: they came from the server's store.
    const fresh = await openBoard(map.id, map.token);
    expect(await fresh.phaseNames()).toEqual([
      "Discover",
      "Consideration",
      "Purchase",
      "Onboarding",
      "Advocacy",
      "Retention",
    ]);
    expect(await fresh.touchpointNames()).toContain("Applies a coupon");
    expect(await fresh.emotionScore("Checks out")).toBe(String(before + 1));
  });

  it("lists the maps this browser holds links for, and creates a new one", async () => {
    const existing = await session.createMap("Listed map");
    const hidden = await session.createMap("Someone else's map");
    const context = await session.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await new BoardPage(page).open(session.server.url, existing.id, existing.token);
    await page.goto(session.server.url);
    await page.locator(`[data-testid="maps.item"][data-map-id="${existing.id}"]`).waitFor();
    expect(
      await page.locator(`[data-testid="maps.item"][data-map-id="${hidden.id}"]`).count(),
    ).toBe(0);
    await page.getByLabel("Title of the new map").fill("Checkout study");
    await page.getByLabel("Template").selectOption("ecommerce-purchase");
    await page.getByTestId("maps.new").click();
    await page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("board.title").getByText("Checkout study").waitFor();
    expect(await new BoardPage(page).phaseNames()).toContain("Inspire");
    await page.screenshot({ path: `${ARTIFACTS}/board-ecommerce.png` });
  });

  it("gives a viewer a read-only board that still updates live", async () => {
    const map = await session.createMap("Shown to a viewer");
    const owner = await openBoard(map.id, map.token);
    const viewer = await openBoard(map.id, await session.shareToken(map, ROLE.viewer));
    await viewer.page.getByTestId("board.view-only").waitFor();
    expect(await viewer.page.getByTestId("board.add-phase").isVisible()).toBe(false);
    expect(await viewer.page.getByTestId("board.add-lane").count()).toBe(0);
    expect(await viewer.page.getByTestId("board.phase-name-input").count()).toBe(0);
    // No editing tools are built at all (they were rendered and hidden), and nothing drags.
    await viewer.page.getByTestId("board.touchpoint").first().waitFor();
    for (const tool of ["board.touchpoint-delete", "board.phase-delete", "board.emotion-up"]) {
      expect(await viewer.page.getByTestId(tool).count(), tool).toBe(0);
    }
    expect(await viewer.page.locator(".drag-handle, .add-card").count()).toBe(0);
    expect(await owner.page.locator(".drag-handle").count()).toBeGreaterThan(0);
    await viewer.page.getByTestId("board.phase-name").first().click();
    expect(await viewer.page.getByTestId("board.phase-name-input").count()).toBe(0);
    await owner.renamePhase("Awareness", "Seen by the viewer");
    await viewer.phase("Seen by the viewer").waitFor();
    await viewer.page.screenshot({ path: `${ARTIFACTS}/board-viewer.png` });
  });

  it("lets the owner share an editor link from the board, and refuses a bad link", async () => {
    const map = await session.createMap("Shared from the board");
    const owner = await openBoard(map.id, map.token);
    await owner.page.getByTestId("board.share").click();
    await owner.page.getByTestId("share.create").click();
    const url = await owner.page.getByTestId("share.url").inputValue();
    expect(url).toContain(`/maps/${map.id}#token=`);
    // The panel closes with Escape, and on opening the Export menu (no two panels at once).
    const panel = owner.page.getByRole("dialog", { name: "Share this map" });
    await owner.page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await owner.page.getByTestId("board.share").click();
    await panel.waitFor();
    await owner.page.getByRole("button", { name: /^Export/ }).click();
    await panel.waitFor({ state: "detached" });
    const context = await session.newContext();
    const guest = await context.newPage();
    await guest.goto(url.replace("http://localhost", session.server.url));
    await guest.getByTestId("board.phase").first().waitFor();
    expect(await guest.getByTestId("board.add-phase").count()).toBe(1);

    // A browser holding no token for the map (in the guest's browser a bad link never
    // replaces the editor token that works: linkToken.spec.ts).
    const strangerContext = await session.newContext();
    const stranger = await strangerContext.newPage();
    await stranger.goto(`${session.server.url}/maps/${map.id}#token=jm1.bad.token`);
    await stranger.getByTestId("board.refused").waitFor();
  });
});
