/**
 * Presentation mode in real Chromium, two people on a call: Ana presents from the board (full
 * screen, large type, phase by phase); Ben, a viewer, sees "Ana is presenting", follows, and
 * his screen moves with hers. His own navigation leaves follow mode, "Follow" rejoins, and
 * when Ana stops he is told so. Screenshots land in e2e/artifacts/.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("presentation mode", (session) => {
  const heading = (page: Page) => page.getByTestId("present.heading").innerText();
  const status = (page: Page) => page.getByTestId("present.status").innerText();

  it("shows the map phase by phase and a follower's screen follows the presenter", async () => {
    const map = await session.createMap("Trial to paid", "saas-trial");
    const viewport = { width: 1600, height: 1000 };
    const ana = (await session.openBoardAs(map, ROLE.owner, { name: "Ana", viewport })).board;
    const ben = (
      await session.openBoardAs(map, ROLE.viewer, {
        name: "Ben",
        viewport,
      })
    ).board;
    const phases = await ana.phaseNames();
    expect(phases.length).toBeGreaterThanOrEqual(3);

    // Ana presents: the overview first, full screen, in large type.
    await ana.page.getByTestId("board.present").click();
    await ana.page.getByTestId("present").waitFor();
    expect(new URL(ana.page.url()).pathname).toBe(`/maps/${map.id}/present`);
    expect(await heading(ana.page)).toBe("Trial to paid");
    await expect.poll(() => status(ana.page)).toMatch(/Presenting/);
    await expect
      .poll(() => ana.page.evaluate(() => document.fullscreenElement !== null))
      .toBe(true);
    const size = await ana.page
      .getByTestId("present.heading")
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);

    // Ben, on the board, is told and follows: his screen shows Ana's slide.
    const banner = ben.page.getByTestId("board.presenting");
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toMatch(/Ana is presenting/);
    await ben.page.getByTestId("board.follow-presenter").click();
    await ben.page.getByTestId("present").waitFor();
    await expect.poll(() => status(ben.page)).toMatch(/Following Ana/);
    expect(await heading(ben.page)).toBe("Trial to paid");
    await expect.poll(() => status(ana.page)).toMatch(/1 following/);

    // Ana moves on, phase by phase; Ben's screen follows each move.
    await ana.page.keyboard.press("ArrowRight");
    expect(await heading(ana.page)).toBe(phases[0]);
    await expect.poll(() => heading(ben.page)).toBe(phases[0]);
    await ana.page.keyboard.press("ArrowRight");
    await expect.poll(() => heading(ana.page)).toBe(phases[1]);
    await expect.poll(() => heading(ben.page)).toBe(phases[1]);
    expect(await ana.page.getByTestId("present.position").innerText()).toBe(
      `Phase 2 of ${phases.length}`,
    );
    // The slide holds the phase's steps, each with its emotions in words.
    const steps = ben.page.getByTestId("present.step");
    expect(await steps.count()).toBeGreaterThan(0);
    expect(await steps.first().innerText()).toMatch(/(Neutral|positive|negative)/i);
    // Under the slide, the whole journey's curve with this phase highlighted.
    const strip = ana.page.getByTestId("present.strip");
    expect(await strip.getAttribute("aria-label")).toBe(
      `The emotion curve across the whole journey; ${phases[1]} highlighted`,
    );
    expect(await strip.locator("rect[data-current]").count()).toBe(1);
    expect(await strip.locator("path").count()).toBeGreaterThan(0);
    await ana.page.screenshot({ path: `${ARTIFACTS}/present-phase.png` });

    // Ben looks ahead on his own: he stops following, and Ana's moves no longer move him.
    await ben.page.keyboard.press("ArrowRight");
    expect(await heading(ben.page)).toBe(phases[2]);
    await ben.page.getByTestId("present.follow").waitFor();
    await expect.poll(() => status(ana.page)).not.toMatch(/following/);
    await ana.page.keyboard.press("ArrowLeft");
    await expect.poll(() => heading(ana.page)).toBe(phases[0]);
    await ben.page.waitForTimeout(500);
    expect(await heading(ben.page)).toBe(phases[2]);

    // "Follow Ana" brings him back to her slide.
    await ben.page.getByTestId("present.follow").click();
    await expect.poll(() => heading(ben.page)).toBe(phases[0]);
    await ben.page.screenshot({ path: `${ARTIFACTS}/present-following.png` });

    // Ana ends the presentation: she is back on the board; Ben is told, and stays put.
    await ana.page.getByTestId("present.exit").click();
    await ana.page.getByTestId("board.phase").first().waitFor();
    await expect.poll(() => status(ben.page), { timeout: 10_000 }).toBe("No one is presenting");
    expect(await heading(ben.page)).toBe(phases[0]);
  });

  it("opens the overview on its own URL for a reader and walks to the last phase", async () => {
    const map = await session.createMap("Support", "support-ticket");
    const context = await session.newContext({ name: "Cy" });
    const page = await context.newPage();
    await page.goto(
      `${session.server.url}/maps/${map.id}/present#token=${encodeURIComponent(map.token)}`,
    );
    await page.getByTestId("present").waitFor();
    expect(await heading(page)).toBe("Support");
    await page.keyboard.press("End");
    const last = await page.getByTestId("present.position").innerText();
    expect(last).toMatch(/^Phase (\d+) of \1$/);
    expect(await page.getByTestId("present.next").isDisabled()).toBe(true);
    await page.keyboard.press("Home");
    expect(await page.getByTestId("present.position").innerText()).toBe("Overview");
    await page.screenshot({ path: `${ARTIFACTS}/present-overview.png` });
  });
});
