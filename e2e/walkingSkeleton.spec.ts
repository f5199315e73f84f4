/**
 * The walking skeleton, end to end in real Chromium against the real server: two people on
 * one map see each other's edits live, and the edits survive a server restart.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS, chromiumAvailable, launchBrowser } from "./support/browser.ts";
import { createMap, type ServerHandle, startServer } from "./support/server.ts";

const enabled = chromiumAvailable();
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openBoard(mapId: string): Promise<BoardPage> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  contexts.push(context);
  const board = new BoardPage(await context.newPage());
  await board.open(server.url, mapId);
  return board;
}

describe.runIf(enabled)("walking skeleton", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  it("shows one person's edits to another live, and keeps them across a server restart", async () => {
    const mapId = await createMap(server, "Two people, one map");
    const alice = await openBoard(mapId);
    const bob = await openBoard(mapId);
    expect(await bob.phaseNames()).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Onboarding",
      "Retention",
      "Advocacy",
    ]);

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

    await alice.page
      .getByTestId("board.connection")
      .and(alice.page.locator('[data-unsynced="0"]'))
      .waitFor();
    await bob.page.screenshot({ path: `${ARTIFACTS}/board-live.png`, fullPage: false });

    await server.stop("SIGTERM");
    await bob.page
      .getByTestId("board.connection")
      .and(bob.page.locator('[data-status="offline"]'))
      .waitFor();
    await server.start();
    await bob.page.reload();
    await bob.page.getByTestId("board.phase").first().waitFor();
    expect(await bob.phaseNames()).toEqual([
      "Discover",
      "Consideration",
      "Purchase",
      "Onboarding",
      "Advocacy",
      "Retention",
    ]);
    expect(await bob.touchpointNames()).toContain("Applies a coupon");
    expect(await bob.emotionScore("Checks out")).toBe(String(before + 1));
  });

  it("lists maps and creates a new one from the list page", async () => {
    const existing = await createMap(server, "Listed map");
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator(`[data-testid="maps.item"][data-map-id="${existing}"]`).waitFor();
    await page.getByLabel("Title of the new map").fill("Checkout study");
    await page.getByLabel("Template").selectOption("ecommerce-purchase");
    await page.getByTestId("maps.new").click();
    await page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("board.title").getByText("Checkout study").waitFor();
    expect(await new BoardPage(page).phaseNames()).toContain("Inspire");
    await page.screenshot({ path: `${ARTIFACTS}/board-ecommerce.png` });
  });
});
