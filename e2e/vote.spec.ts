/**
 * Live emotion voting in real Chromium (issue 17, part 2): the owner starts a hidden vote on a
 * phase, an editor and a guest on a viewer link vote with her; everyone sees how many voted
 * but nobody's score; the guest reloads mid-vote and finds her ballot; the owner reveals
 * (median, spread and each person's point for everyone), commits, and all three see the
 * committed score and the vote's note on the curve. A vote started offline is refused.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const PHASE = "Awareness";
const [STEP1, STEP2] = ["Sees a LinkedIn post", "Reads a review"];
const PERSONA = "Maya Chen";

/** Our score for `step` in the ballot (a click sends it). */
async function vote(page: Page, step: string, score: number): Promise<void> {
  const row = page.getByTestId("vote.ballot-row").filter({ hasText: step });
  await row.getByTestId(`vote.score-${score}`).click();
  await expect
    .poll(() => row.getByTestId(`vote.score-${score}`).getAttribute("aria-pressed"))
    .toBe("true");
}

const countText = (page: Page) => page.getByTestId("vote.count").textContent();
const point = (page: Page, step: string) =>
  page.getByRole("slider", { name: `${PERSONA} at ${step}` });

describeInBrowser("team vote", (session) => {
  it("INV-VOTE3, INV-VOTE9: three people vote (one a viewer guest), the owner reveals and commits; all see the result", async () => {
    const map = await session.createMap("Team vote");
    const { board: olga } = await session.openBoard(map.id, map.token, {
      name: "Olga",
      viewport: { width: 1280, height: 800 },
    });
    const editor = await session.openBoardAs(map, ROLE.editor, {
      name: "Ed",
      viewport: { width: 1024, height: 768 },
    });
    const ed = editor.board;
    const { board: vera } = await session.openBoardAs(map, ROLE.viewer, { name: "Vera" });
    for (const b of [olga, ed, vera]) await b.waitForStatus("online");

    // Offline, a vote cannot start: the refusal says why.
    await editor.context.setOffline(true);
    await ed.waitForStatus("offline");
    await ed.page.getByTestId("board.vote").click();
    await ed.page.getByTestId("vote.start").click();
    await expect.poll(() => ed.page.getByTestId("vote.error").textContent()).toMatch(/offline/i);
    await editor.context.setOffline(false);
    await ed.waitForStatus("online", { timeout: 30_000 });

    // A viewer sees the panel but cannot start a vote.
    await vera.page.getByTestId("board.vote").click();
    await vera.page.getByTestId("vote.none").waitFor();

    // Olga starts a hidden vote on the Awareness phase for Maya.
    await olga.page.getByTestId("board.vote").click();
    await olga.page.getByTestId("vote.target").selectOption({ label: `Phase: ${PHASE}` });
    await olga.page.getByTestId("vote.mode-hidden").check();
    await olga.page.getByTestId("vote.start").click();
    for (const b of [olga, ed, vera])
      await b.page.getByTestId("vote.ballot-row").filter({ hasText: STEP2 }).waitFor();

    await vote(olga.page, STEP1, 2);
    await vote(olga.page, STEP2, 1);
    await vote(ed.page, STEP1, -1);
    await vote(vera.page, STEP1, 1);
    await vote(vera.page, STEP2, 3);
    for (const b of [olga, ed, vera])
      await expect.poll(() => countText(b.page)).toBe("3 people have voted");
    // Hidden: the count is on the curve, nobody's point is.
    await vera.page.getByTestId("vote.overlay-count").first().waitFor();
    await ed.page.screenshot({ path: `${SCREENSHOTS}/team-vote-hidden-1024.png` });
    expect(await vera.page.getByTestId("vote.dot").count()).toBe(0);
    expect(await vera.page.getByTestId("vote.result-row").count()).toBe(0);

    // Vera reloads mid-vote: her ballot is still hers and still counts.
    await vera.page.reload();
    await vera.waitForStatus("online", { timeout: 30_000 });
    const veraRow = vera.page.getByTestId("vote.ballot-row").filter({ hasText: STEP2 });
    await expect
      .poll(() => veraRow.getByTestId("vote.score-3").getAttribute("aria-pressed"), {
        timeout: 20_000,
      })
      .toBe("true");
    expect(await countText(vera.page)).toBe("3 people have voted");

    // Ed drops off the call and comes back: the vote and his ballot are still there.
    await editor.context.setOffline(true);
    await ed.waitForStatus("offline");
    await editor.context.setOffline(false);
    await ed.waitForStatus("online", { timeout: 30_000 });
    await expect.poll(() => countText(ed.page)).toBe("3 people have voted");
    const edRow = ed.page.getByTestId("vote.ballot-row").filter({ hasText: STEP1 });
    expect(await edRow.getByTestId("vote.score--1").getAttribute("aria-pressed")).toBe("true");

    // Reveal: everyone sees the median and spread per step, and each person's point.
    await olga.page.getByTestId("vote.reveal").click();
    for (const b of [olga, ed, vera]) {
      const row = b.page.getByTestId("vote.result-row").filter({ hasText: STEP1 });
      await expect
        .poll(() => row.getByTestId("vote.stats").textContent())
        .toMatch(/median\s*\+1\s*· spread 3 · 3 votes/);
      await expect.poll(() => b.page.getByTestId("vote.dot").count()).toBe(5);
    }
    const titles = await vera.page.locator('[data-testid="vote.dot"] title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(["Vera: +1", "Ed: \u22121", "Olga: +2"]));
    await olga.page.screenshot({ path: `${SCREENSHOTS}/team-vote.png` });
    await ed.page.screenshot({ path: `${SCREENSHOTS}/team-vote-1024.png` });

    // Olga keeps the median for the first step and sets the second to +3, then commits.
    const second = olga.page.getByTestId("vote.result-row").filter({ hasText: STEP2 });
    await second.getByTestId("vote.commit-value").selectOption("3");
    await olga.page.getByTestId("vote.commit").click();
    for (const b of [olga, ed, vera]) {
      await expect.poll(() => point(b.page, STEP1).getAttribute("aria-valuenow")).toBe("1");
      await expect.poll(() => point(b.page, STEP2).getAttribute("aria-valuenow")).toBe("3");
      await expect
        .poll(() => point(b.page, STEP1).locator("title").first().textContent())
        .toContain("Team vote: 3 votes, median +1, spread 3");
      await expect
        .poll(() => point(b.page, STEP2).locator("title").first().textContent())
        .toContain("Team vote: 2 votes, median +2, spread 2");
      await expect
        .poll(() => b.page.getByTestId("vote.start").or(b.page.getByTestId("vote.none")).count())
        .toBe(1);
    }
    await olga.page.screenshot({ path: `${SCREENSHOTS}/team-vote-committed.png` });

    // The insights list the steps where the team disagreed most.
    await vera.page.getByTestId("views.tab-insights").click();
    const rows = vera.page.getByTestId("views.disagreement");
    await expect.poll(() => rows.first().textContent()).toContain(STEP1);
    expect(await rows.first().textContent()).toContain("spread 3");
  }, 240_000);
});
