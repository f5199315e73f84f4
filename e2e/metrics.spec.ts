/**
 * Issue 18, metrics from real data: Ana adds a Conversion metric lane on the board; an
 * integration imports a week of values from CSV (after a dry run) and pushes today's value
 * through the API with its token. Ana's board shows the value against the target in colour
 * with a sparkline of the series, and the insights rank the step by its gap to target.
 */
import path from "node:path";
import { API_ACTION, ROLE } from "@journeymap/protocol";
import { shareLinkOverHttp } from "@journeymap/testkit";
import { expect, it } from "vitest";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };
const STEP = "Sees a LinkedIn post";
const LANE = "Conversion";

describeInBrowser("metric lanes (issue 18)", (session) => {
  it("a metric imported by CSV and pushed by the API shows on the board with its sparkline", async () => {
    const map = await session.createMap("Metrics");
    const viewport = { width: 1280, height: 800 };
    const { board } = await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport });
    const page = board.page;

    await page.getByTestId("board.add-lane").click();
    await page.getByTestId("board.lane-name-input").fill(LANE);
    await page.getByTestId("board.lane-name-input").press("Enter");
    await page.getByLabel(`What the lane ${LANE} holds`).selectOption("metric");
    await page.getByLabel(`What the metric ${LANE} measures`).selectOption("conversion");
    const value = page.getByLabel(`Value of ${LANE} at ${STEP}, in %`);
    await value.waitFor(POLL);

    const api = await shareLinkOverHttp(session.server.url, map, {
      actions: [API_ACTION.evidenceWrite],
      label: "Analytics",
    });
    const call = (suffix: string, body: string, type: string) =>
      fetch(`${session.server.url}/api/maps/${map.id}/metrics${suffix}`, {
        method: "POST",
        headers: { authorization: `Bearer ${api.token}`, "content-type": type },
        body,
      });
    // The board lane was made in Ana's browser: the server has it once the preview finds it.
    const csv = [
      "step,lane,value,target,date",
      `${STEP},${LANE},18,30,2026-12-01`,
      `${STEP},${LANE},22,,2026-12-02`,
      `${STEP},${LANE},21,,2026-12-03`,
      `Compares plans,${LANE},41,35,2026-12-03`,
    ].join("\n");
    await expect
      .poll(async () => (await call("/import?dryRun=true", csv, "text/csv")).status, POLL)
      .toBe(200);
    expect((await call("/import", csv, "text/csv")).status).toBe(200);
    const pushed = await call(
      "",
      JSON.stringify({ values: [{ step: STEP, lane: LANE, value: 26, date: "2026-12-04" }] }),
      "application/json",
    );
    expect(pushed.status).toBe(200);

    // Ana's board: the newest value against the target, missed, with four points drawn.
    await expect.poll(() => value.inputValue(), POLL).toBe("26");
    expect(await page.getByLabel(`Target of ${LANE} at ${STEP}, in %`).inputValue()).toBe("30");
    const cell = page.getByTestId("metric.cell").filter({ has: value });
    expect(await cell.getAttribute("data-status")).toBe("missed");
    const spark = page.getByRole("img", {
      name: `4 values of ${LANE} at ${STEP}, from 2026-12-01 to 2026-12-04`,
    });
    await spark.waitFor(POLL);
    const points = await spark.locator("polyline").getAttribute("points");
    expect(points?.split(" ")).toHaveLength(4);

    // An edit on the board meets the target: the colour follows.
    await value.fill("31");
    await value.press("Enter");
    await expect.poll(() => cell.getAttribute("data-status"), POLL).toBe("met");
    await value.fill("26");
    await value.press("Enter");
    await expect.poll(() => cell.getAttribute("data-status"), POLL).toBe("missed");

    const centre = () => cell.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await centre();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, "metrics-board.png") });
    await page.setViewportSize({ width: 1024, height: 768 });
    await centre();
    await page.screenshot({ path: path.join(SCREENSHOTS, "metrics-board-1024.png") });

    // Insights: the step that misses its target first.
    await page.setViewportSize(viewport);
    await page.getByTestId("views.tab-insights").click();
    const rows = page.getByTestId("metrics.rank-row");
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await rows.first().innerText()).toContain(STEP);
    expect(await rows.first().innerText()).toContain("13 % short");
    await page.getByTestId("views.metrics").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "metrics-insights.png") });
  }, 120_000);
});
