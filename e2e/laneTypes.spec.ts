/**
 * Issue 15, B8: richer structure. Ana gives a map a rating lane, a number lane with a unit
 * and a link lane, gives a step two channels (one of them a name of her own, "WhatsApp")
 * and writes a description on a pain point; Ben, in another browser, sees all of it.
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { BoardPage } from "./support/BoardPage.ts";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };
const STEP = "Sees a LinkedIn post";
const CARD = "Plan differences are unclear";

async function addLane(board: BoardPage, name: string, type: string): Promise<void> {
  await board.page.getByTestId("board.add-lane").click();
  const input = board.page.getByTestId("board.lane-name-input");
  await input.fill(name);
  await input.press("Enter");
  await board.page.getByLabel(`What the lane ${name} holds`).selectOption(type);
}

const stepChannels = (page: Page) =>
  page
    .getByRole("list", { name: `Channels of step ${STEP}` })
    .getByRole("listitem")
    .allInnerTexts();

describeInBrowser("typed lanes, channel lists and card descriptions (B8)", (session) => {
  it("B8: a rating lane, a number lane, two channels and a card description reach a second person", async () => {
    const map = await session.createMap("Lane types");
    const viewport = { width: 1280, height: 800 };
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport });
    const { board: ben } = await session.openBoardAs(map, ROLE.editor, { name: "Ben", viewport });
    const page = ana.page;

    // A 1–5 rating lane: stars with names a screen reader reads.
    await addLane(ana, "Satisfaction", "rating");
    await page
      .getByRole("group", { name: `Satisfaction at ${STEP}` })
      .getByRole("button", { name: "4 of 5" })
      .click();

    // A number lane with its unit after each value.
    await addLane(ana, "Wait time", "number");
    await page.getByTestId("board.lane-unit").click();
    await page.getByTestId("board.lane-unit-input").fill("min");
    await page.getByTestId("board.lane-unit-input").press("Enter");
    const wait = page.getByLabel(`Wait time at ${STEP}, in min`);
    await wait.fill("12");
    await wait.press("Enter");

    // A link lane takes web links only, and opens them in a tab that cannot reach back.
    await addLane(ana, "Research", "link");
    const research = page.getByLabel(`Research at ${STEP}`);
    await research.fill("javascript:alert(1)");
    await research.press("Enter");
    await page.getByRole("alert").filter({ hasText: "A link starts with http" }).waitFor();
    await research.fill("https://example.com/study");
    await research.press("Enter");

    // Two channels on one step, one of them a name of Ana's own.
    const step = page.getByRole("article", { name: `Step ${STEP}` });
    for (const remove of await step.getByRole("button", { name: /^Remove channel / }).all()) {
      await remove.click();
    }
    await step.getByRole("button", { name: `Add a channel to step ${STEP}` }).click();
    const channel = step.getByRole("combobox", { name: /^New channel for step/ });
    await channel.fill("Email");
    await channel.press("Enter");
    await channel.fill("WhatsApp");
    await channel.press("Enter");
    await channel.press("Escape");
    await expect.poll(() => stepChannels(page), POLL).toEqual(["Email", "WhatsApp"]);

    // A rich-text description on a pain point.
    const card = page.getByTestId("board.card").filter({ hasText: CARD });
    await card.hover();
    await card.getByRole("button", { name: `Add a description to pain point ${CARD}` }).click();
    const editor = card.getByLabel(`Description of pain point ${CARD}`, { exact: true });
    await editor.waitFor(POLL);
    await expect
      .poll(() => editor.evaluate((el) => el.contains(document.activeElement)))
      .toBe(true);
    await page.keyboard.type("People cannot tell which plan has SSO.");
    await page.keyboard.press("Escape");

    // Ben sees every part of it.
    await expect
      .poll(
        () =>
          ben.page
            .getByRole("group", { name: `Satisfaction at ${STEP}` })
            .getAttribute("data-value"),
        POLL,
      )
      .toBe("4");
    await expect
      .poll(() => ben.page.getByLabel(`Wait time at ${STEP}, in min`).inputValue(), POLL)
      .toBe("12");
    const link = ben.page.getByRole("link", { name: "example.com/study" });
    await link.waitFor(POLL);
    expect(await link.getAttribute("href")).toBe("https://example.com/study");
    expect(await link.getAttribute("rel")).toContain("noopener");
    await expect.poll(() => stepChannels(ben.page), POLL).toEqual(["Email", "WhatsApp"]);
    const description = ben.page
      .getByTestId("board.card")
      .filter({ hasText: CARD })
      .getByTestId("board.card-description");
    await expect
      .poll(() => description.innerText(), POLL)
      .toBe("People cannot tell which plan has SSO.");

    await page.getByTestId("board.lane").filter({ hasText: "Research" }).scrollIntoViewIfNeeded();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, "board-lane-types.png") });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId("board.lane").filter({ hasText: "Research" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "board-lane-types-1024.png") });

    // Ben's table view shows the typed lanes as words and the step's channels.
    await ben.page.getByTestId("views.tab-table").click();
    const row = ben.page.getByTestId("views.table").getByRole("row").filter({ hasText: STEP });
    await expect.poll(() => row.innerText(), POLL).toMatch(/Email[\s\S]*WhatsApp/);
    const text = await row.innerText();
    expect(text).toContain("4 of 5");
    expect(text).toContain("12 min");
    expect(text).toContain("example.com/study");
  }, 240_000);
});
