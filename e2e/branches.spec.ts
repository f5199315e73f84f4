/**
 * Issue 17: branch a map (as-is → to-be), edit the branch, compare the two side by side, and
 * merge one phase back while someone else edits the original in another browser context.
 */
import { readFileSync } from "node:fs";
import { ROLE } from "@journeymap/protocol";
import { readJourneyMap } from "@journeymap/schema";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { readPdf } from "./support/pdfText.ts";
import { serverDoc } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const WAIT = { timeout: 20_000 };

describeInBrowser("branches (issue 17)", (session) => {
  it("branches, edits the branch, compares, and merges one phase back while Ben edits the original", async () => {
    const map = await session.createMap("Onboarding (as-is)");
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, {
      name: "Ana",
      viewport: { width: 1280, height: 800 },
    });
    const { board: ben } = await session.openBoardAs(map, ROLE.editor, { name: "Ben" });
    const [first, second] = await ana.phaseNames();
    const page = ana.page;

    // Ana branches the map and lands on the branch.
    await page.getByTestId("board.branches").click();
    await page.getByTestId("branches.name").fill("To-be: self-serve");
    await page.getByTestId("branches.create").click();
    await page.waitForURL((url) => !url.pathname.includes(map.id), WAIT);
    const branch = new BoardPage(page);
    await branch.phase(first!).waitFor(WAIT);
    expect(await page.getByTestId("board.title").innerText()).toBe("To-be: self-serve");

    // She reworks the first phase in the branch only.
    await branch.renamePhase(first!, "Discover (self-serve)");
    await branch.addTouchpoint("Discover (self-serve)", "Try it free");
    await branch.settled(WAIT);
    expect(await ben.phaseNames()).toContain(first);

    // Compare: the branch beside its original, aligned, with the figures.
    await page.getByTestId("board.branches").click();
    await page.getByTestId("branches.origin").waitFor(WAIT);
    await page.screenshot({ path: `${ARTIFACTS}/branch-panel-1280.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/branch-panel-1024.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId("branches.compare-origin").click();
    await page.getByTestId("compare.board").waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId("compare.summary").innerText(), WAIT)
      .toMatch(/adds 1 step/);
    expect(await page.getByTestId("compare.mark-added").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/branch-compare.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/branch-compare-1024.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Meanwhile Ben edits the original.
    await ben.renamePhase(second!, "Sign up (Ben)");
    await ben.settled(WAIT);

    // Ana merges the first phase only.
    await page.getByTestId("compare.merge").click();
    const dialog = page.getByTestId("merge.dialog");
    await dialog.waitFor(WAIT);
    const phaseNode = dialog
      .getByTestId("merge.node")
      .filter({ hasText: "Phase “Discover (self-serve)”" })
      .first();
    await phaseNode.locator("input[type=checkbox]").first().check();
    await page.screenshot({ path: `${SCREENSHOTS}/branch-merge.png` });
    await page.getByTestId("merge.apply").click();
    await expect
      .poll(() => page.getByTestId("compare.notice").innerText(), WAIT)
      .toMatch(/Merged \d+ change/);

    // The original gained the phase and kept Ben's edit; Ben sees it live.
    await expect.poll(() => ben.phaseNames(), WAIT).toContain("Discover (self-serve)");
    await ben.page.getByText("Try it free", { exact: true }).waitFor(WAIT);
    await expect
      .poll(
        async () =>
          readJourneyMap(await serverDoc(session.server, map))
            .phases.map((p) => p.name)
            .slice(0, 2),
        WAIT,
      )
      .toEqual(["Discover (self-serve)", "Sign up (Ben)"]);
    expect(readJourneyMap(await serverDoc(session.server, map)).meta.title).toBe(
      "Onboarding (as-is)",
    );

    // The branch's insights give its figures against the original.
    const branchId = new URL(page.url()).pathname.split("/")[2]!;
    await page.goto(`${session.server.url}/maps/${branchId}?view=insights`);
    const figures = page.getByTestId("views.branch-figures");
    await figures.waitFor(WAIT);
    expect(await figures.innerText()).toMatch(/To-be: self-serve/);
    // With the figures table, as on the compare page (the same steps since the merge).
    const table = figures.getByTestId("compare.figures");
    await table.waitFor(WAIT);
    const steps = table.getByRole("row").filter({ hasText: /^Steps/ });
    expect(await steps.innerText()).toMatch(/^Steps\t(\d+)\t\1\t$/);
    const sentence = (await figures.locator("p").first().innerText()).replace(
      "To-be: self-serve: ",
      "",
    );
    await figures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/branch-insights.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await figures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/branch-insights-1024.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The branch's PDF has a page of the same figures, with the sentence.
    await page.goto(`${session.server.url}/maps/${branchId}`);
    await page.getByTestId("board.export").click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export.pdf-a4").click(),
    ]);
    const pages = await readPdf(readFileSync(await file.path()));
    const branchPage = pages.find((p) => p.text.includes("Branches: as-is and to-be"));
    expect(branchPage?.text).toContain("This branch against the original it was made from");
    for (const text of ["To-be: self-serve", "Original", "Branch", "Steps", "Hand-offs"])
      expect(branchPage?.text).toContain(text);
    expect(branchPage?.text.replace(/\n/g, " ")).toContain(sentence.slice(0, 20));
  }, 240_000);
});
