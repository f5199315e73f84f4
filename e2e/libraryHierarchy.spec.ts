/**
 * A hierarchy of journeys in real Chromium (issue 19): a person links a step of one map to
 * another map from the step menu and sees the sub-journey's summary on the step; on the
 * workspace dashboard they build an end-to-end map from two maps; on it they open a step's
 * sub-journey, see the breadcrumb naming the end-to-end map, and go back by it. Screenshots of
 * the dashboard and the boards at 1280×800 and 1024×768.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Person, signUpWithWorkspace } from "./support/accounts.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { serverAndBrowser } from "./support/serverAndBrowser.ts";
import { callFromPage, SIZES, shoot } from "./support/pageTools.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };
/** The library's index (a sweep every 5 s for maps made over HTTP) on a loaded machine. */
const ARRIVAL = { timeout: 20_000 };

async function openBoard(page: Page, url: string): Promise<BoardPage> {
  await page.goto(url);
  const board = new BoardPage(page);
  await board.phases().first().waitFor();
  return board;
}

describe.runIf(chromiumAvailable())("a hierarchy of journeys", () => {
  const env = serverAndBrowser();

  it("links a sub-journey from the step menu, builds an end-to-end map and drills down and back", async () => {
    const context = await env.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const workspaceId = await signUpWithWorkspace(page, ANA);
    const onboarding = await callFromPage<{ id: string }>(page, "POST", "/api/maps", {
      title: "Onboarding",
      template: "saas-trial",
      workspaceId,
    });
    await callFromPage<{ id: string }>(page, "POST", "/api/maps", {
      title: "Purchase",
      template: "ecommerce-purchase",
      workspaceId,
    });

    // The step menu of Onboarding's first step links it to Purchase: its card shows Purchase.
    const board = await openBoard(page, `${env.server.url}/maps/${onboarding.id}`);
    const firstStep = page.getByTestId("board.touchpoint").first();
    await firstStep.getByTestId("board.touchpoint-name").click({ button: "right" });
    await page.getByRole("menuitem", { name: "Link a sub-journey…" }).click();
    const dialog = page.getByTestId("sub-journey.dialog");
    await dialog.getByTestId("sub-journey.map").filter({ hasText: "Purchase" }).click();
    await dialog.waitFor({ state: "detached" });
    const chip = firstStep.getByTestId("board.sub-journey");
    await chip.filter({ hasText: "Purchase" }).waitFor(ARRIVAL);
    await expect.poll(() => chip.innerText(), ARRIVAL).toMatch(/pain point/);
    await board.settled();

    // The dashboard: both maps; a new end-to-end map of Onboarding then Purchase.
    await page.goto(`${env.server.url}/workspaces/${workspaceId}/dashboard`);
    const maps = page.getByTestId("dashboard.maps");
    await maps.getByRole("link", { name: "Purchase" }).waitFor(ARRIVAL);
    await maps.getByRole("link", { name: "Onboarding" }).waitFor();
    await shoot(page, "library-dashboard", { docs: true });
    await page.getByTestId("dashboard.new-e2e").click();
    const form = page.getByTestId("dashboard.e2e-form");
    await form.getByTestId("dashboard.e2e-title").fill("Customer lifecycle");
    await form.getByLabel("Onboarding").check();
    await form.getByLabel("Purchase").check();
    expect(await form.getByTestId("dashboard.e2e-order").innerText()).toBe("Onboarding → Purchase");
    await shoot(page, "library-hierarchy-new-e2e");
    await form.getByTestId("dashboard.e2e-create").click();

    // The end-to-end map: one step per map, each showing its sub-journey's summary.
    await page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/);
    const e2eId = new URL(page.url()).pathname.split("/").at(-1)!;
    const e2e = new BoardPage(page);
    await e2e.phases().first().waitFor();
    expect(await e2e.phaseNames()).toEqual(["End to end"]);
    expect(await e2e.touchpointNames()).toEqual(["Onboarding", "Purchase"]);
    const chips = page.getByTestId("board.sub-journey");
    await chips
      .filter({ hasText: "Onboarding" })
      .filter({ hasText: "pain point" })
      .waitFor(ARRIVAL);
    await chips.filter({ hasText: "Purchase" }).filter({ hasText: "pain point" }).waitFor(ARRIVAL);
    await shoot(page, "library-hierarchy", { docs: true });

    // Down into Onboarding: the breadcrumb names the end-to-end map…
    await chips.filter({ hasText: "Onboarding" }).click();
    await page.waitForURL(`${env.server.url}/maps/${onboarding.id}?from=${e2eId}`);
    await e2e.phases().first().waitFor();
    const crumbs = page.getByTestId("board.parent-crumbs");
    await crumbs.waitFor(ARRIVAL);
    expect(await crumbs.innerText()).toContain("Customer lifecycle");
    expect(await crumbs.locator('[aria-current="page"]').innerText()).toBe("Onboarding");
    // …Onboarding's own sub-journey (Purchase) still shows on its step…
    await firstStep.getByTestId("board.sub-journey").filter({ hasText: "Purchase" }).waitFor();
    await shoot(page, "library-hierarchy-breadcrumb");

    // …and back up by it.
    await page.getByTestId("board.parent-link").click();
    await page.waitForURL(`${env.server.url}/maps/${e2eId}`);
    await e2e.phases().first().waitFor();
    expect(await e2e.touchpointNames()).toEqual(["Onboarding", "Purchase"]);
    expect(await page.getByTestId("board.parent-crumbs").count()).toBe(0);

    // Unlinking from the step menu takes the chip away.
    const purchaseStep = page.getByTestId("board.touchpoint").nth(1);
    await purchaseStep.getByTestId("board.touchpoint-name").click({ button: "right" });
    await page.getByRole("menuitem", { name: "Unlink the sub-journey" }).click();
    await expect.poll(() => purchaseStep.getByTestId("board.sub-journey").count()).toBe(0);
    expect(await page.getByTestId("board.sub-journey").count()).toBe(1);
    await context.close();
  }, 180_000);
});
