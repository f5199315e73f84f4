import { describe, expect, it } from "vitest";
import { type Person, signUpWithWorkspace } from "./support/accounts.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { serverAndBrowser } from "./support/serverAndBrowser.ts";
import { callFromPage, SIZES, shoot } from "./support/pageTools.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };
const ARRIVAL = { timeout: 20_000 };

describe.runIf(chromiumAvailable())("links in history", () => {
  const env = serverAndBrowser();

  it("says who linked which sub-journey to which step", async () => {
    const context = await env.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const workspaceId = await signUpWithWorkspace(page, ANA);
    const onboarding = await callFromPage<{ id: string }>(page, "POST", "/api/maps", {
      title: "Onboarding",
      template: "saas-trial",
      workspaceId,
    });
    await callFromPage(page, "POST", "/api/maps", {
      title: "Purchase",
      template: "ecommerce-purchase",
      workspaceId,
    });

    await page.goto(`${env.server.url}/maps/${onboarding.id}`);
    const board = new BoardPage(page);
    const firstStep = page.getByTestId("board.touchpoint").first();
    const stepName = await firstStep.getByTestId("board.touchpoint-name").innerText();
    await firstStep.getByTestId("board.touchpoint-name").click({ button: "right" });
    await page.getByRole("menuitem", { name: "Link a sub-journey…" }).click();
    const dialog = page.getByTestId("sub-journey.dialog");
    await dialog.getByTestId("sub-journey.map").filter({ hasText: "Purchase" }).click();
    await dialog.waitFor({ state: "detached" });
    await firstStep
      .getByTestId("board.sub-journey")
      .filter({ hasText: "Purchase" })
      .waitFor(ARRIVAL);
    await board.settled();

    await page.getByTestId("board.history").click();
    await page.getByTestId("history.board").getByTestId("board.phase").first().waitFor(ARRIVAL);
    await expect
      .poll(() => page.getByTestId("history.step-changes").innerText(), ARRIVAL)
      .toMatch(
        new RegExp(`^Ana Lima linked the sub-journey “Purchase” to the step “${stepName}”`, "m"),
      );
    await shoot(page, "library-history-link", { docs: true });
    await context.close();
  }, 180_000);
});
