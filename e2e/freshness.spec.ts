/**
 * Issue 18: freshness. A map whose edits are old (its log's receipt times moved 200 days back
 * while the server was stopped: the log is where freshness comes from) shows its steps, cards
 * and cells faded, with their age on hover; verifying a phase un-fades it on everyone's board.
 */
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The element's own opacity, as painted. */
const opacity = (element: Locator) =>
  element.evaluate((el) => Number(getComputedStyle(el).opacity));

describeInBrowser("freshness (issue 18)", (session) => {
  it("fades what was not reviewed for long, and verifying a phase un-fades it for everyone", async () => {
    const map = await session.createMap("Old journey", "saas-trial");

    // Age the map: every logged row received 200 days ago, in the same order.
    await session.server.stop("SIGTERM");
    const db = new DatabaseSync(path.join(session.server.dataDir, "journeymap.sqlite"));
    db.prepare("UPDATE updates SET ts = ts - ? WHERE doc = ?").run(
      200 * DAY_MS,
      mapDocumentName(map.id),
    );
    db.close();
    await session.server.start();

    const viewport = { width: 1280, height: 800 };
    const ana = (await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport })).board;
    const ben = (await session.openBoardAs(map, ROLE.editor, { name: "Ben", viewport })).board;
    const [first, second] = await ana.phaseNames();

    // Every step is stale: faded on both boards, and the phase header counts them.
    const firstStep = (board: typeof ana) => board.page.getByTestId("board.touchpoint").first();
    const lastStep = (board: typeof ana) => board.page.getByTestId("board.touchpoint").last();
    for (const board of [ana, ben]) {
      await expect.poll(() => opacity(firstStep(board)), POLL).toBeLessThan(0.9);
      await expect.poll(() => opacity(lastStep(board)), POLL).toBeLessThan(0.9);
    }
    await expect
      .poll(() => ana.phase(first!).getByTestId("board.phase-stale").innerText(), POLL)
      .toMatch(/^\d+ to review$/);

    // Its age on hover.
    await firstStep(ana).hover();
    await expect
      .poll(() => ana.page.getByTestId("freshness.tooltip").innerText(), POLL)
      .toMatch(/^Not reviewed for 200 days · last changed by .+ on /);
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "freshness-board.png") });

    // The freshness view lists the stalest parts; Ana names an owner for the first phase.
    await ana.page.getByTestId("freshness.open").click();
    const panel = ana.page.getByTestId("freshness.panel");
    await panel.waitFor(POLL);
    expect(await panel.getByTestId("freshness.stale-item").count()).toBeGreaterThan(0);
    const row = panel.getByTestId("freshness.phase-row").filter({ hasText: first! });
    await row.getByTestId("freshness.owner").click();
    await ana.page.getByRole("textbox", { name: `Owner of ${first}` }).fill("Growth team");
    await ana.page.getByRole("textbox", { name: `Owner of ${first}` }).press("Enter");
    await expect
      .poll(() => ben.phase(first!).getByTestId("board.phase-owner").innerText(), POLL)
      .toBe("Growth team");
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "freshness-view.png") });
    await ana.page.keyboard.press("Escape");

    // Ana verifies the first phase from its menu: Ben's board un-fades it, not the others.
    await ana.contextMenu(ana.phase(first!), "Mark phase as verified");
    await ana.settled(POLL);
    await expect.poll(() => opacity(firstStep(ben)), POLL).toBe(1);
    await expect.poll(() => opacity(firstStep(ana)), POLL).toBe(1);
    expect(await opacity(lastStep(ben))).toBeLessThan(0.9);
    await expect
      .poll(() => ben.phase(first!).getByTestId("board.phase-stale").count(), POLL)
      .toBe(0);
    expect(await ben.phase(second!).getByTestId("board.phase-stale").count()).toBe(1);

    await ana.page.setViewportSize({ width: 1024, height: 768 });
    await ana.page.getByTestId("freshness.open").click();
    await panel.waitFor(POLL);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "freshness-view-1024.png") });

    // The map list says how much of the map needs review (the first phase no longer does).
    await ana.page.keyboard.press("Escape");
    await ana.page.goto(session.server.url);
    const note = ana.page
      .locator(`[data-testid="maps.item"][data-map-id="${map.id}"]`)
      .getByTestId("maps.freshness");
    await expect
      .poll(() => note.innerText(), POLL)
      .toMatch(/^\d+ of \d+ to review · oldest 200 days$/);
    await note.scrollIntoViewIfNeeded();
    await ana.page.screenshot({ path: path.join(SCREENSHOTS, "freshness-map-list.png") });
  }, 240_000);
});
