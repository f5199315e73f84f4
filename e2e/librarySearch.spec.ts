import { describe, expect, it } from "vitest";
import { type Person, signUpWithWorkspace } from "./support/accounts.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { serverAndBrowser } from "./support/serverAndBrowser.ts";
import { callFromPage, SIZES, shoot } from "./support/pageTools.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };

describe.runIf(chromiumAvailable())("search across maps", () => {
  const env = serverAndBrowser();

  it("finds a word in the workspace's maps, grouped by map and highlighted, and opens a hit's map", async () => {
    const context = await env.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const workspaceId = await signUpWithWorkspace(page, ANA);
    const maps: Record<string, string> = {};
    for (const [title, template] of [
      ["Support ticket", "support-ticket"],
      ["Online purchase", "ecommerce-purchase"],
      ["SaaS trial", "saas-trial"],
    ] as const) {
      const created = await callFromPage<{ id: string }>(page, "POST", "/api/maps", {
        title,
        template,
        workspaceId,
      });
      maps[title] = created.id;
    }

    await page.goto(`${env.server.url}/workspaces/${workspaceId}/search`);
    await page.getByTestId("library.search.idle").waitFor();
    const input = page.getByTestId("library.search.input");
    // Maps made over HTTP are indexed by the sweep (every 5 s): type again until they are.
    await expect
      .poll(
        async () => {
          await input.fill("");
          await input.fill("refund");
          await page
            .locator('[data-testid="library.search.map"], [data-testid="library.search.empty"]')
            .first()
            .waitFor();
          return page.getByTestId("library.search.map").count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(2);
    const groups = await page
      .getByTestId("library.search.map")
      .evaluateAll((sections) => sections.map((s) => s.getAttribute("aria-label")));
    expect(groups.sort()).toEqual(["Online purchase", "Support ticket"]);
    const marks = await page.locator(".library-search-hit mark").allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^refund/);
    expect(page.url()).toContain("?q=refund");
    await shoot(page, "library-search", { docs: true });

    await input.fill("zzqx nothing");
    await page.getByTestId("library.search.empty").waitFor();
    await shoot(page, "library-search-empty", { docs: true });

    await input.fill("refund");
    const first = page.getByTestId("library.search.map").first();
    const mapTitle = await first.getAttribute("aria-label");
    await first.getByTestId("library.search.hit").first().click();
    await page.waitForURL(`**/maps/${maps[mapTitle!]}`);
    await page.locator("[data-presence]").first().waitFor({ timeout: 30_000 });
    await context.close();
  }, 180_000);
});
