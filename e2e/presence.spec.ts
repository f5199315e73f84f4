/**
 * Presence in real Chromium: who is here (with server-set names), what each person selects
 * (outlined in their colour with their name, "is editing" while they type), live pointers,
 * curve drags shown live, follow mode, and people dropped soon after they leave.
 */
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("presence", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  const openAs = async (name: string, mapId: string, token: string) =>
    (await session.openBoard(mapId, token, { name, viewport: { width: 1280, height: 900 } })).board;

  const styleRules = (page: Page) =>
    page
      .locator("style")
      .allInnerTexts()
      .then((t) => t.join("\n"));
  const peerAvatar = (page: Page, name: string) =>
    page.getByTestId("board.peer").and(page.locator(`[title*="${name}"]`));

  it("shows who is here, what they selected, where their pointer is, and follows their view", async () => {
    const map = await session.createMap("Presence", "saas-trial");
    const ana = await openAs("Ana", map.id, map.token);
    const ben = await openAs("Ben", map.id, await session.shareToken(map, ROLE.editor));

    await peerAvatar(ben.page, "Ana").waitFor();
    await peerAvatar(ana.page, "Ben").waitFor();

    // Ana selects a step: Ben sees it outlined with her name.
    const step = ana.page.getByTestId("board.touchpoint").nth(2);
    const stepKey = await step.getAttribute("data-presence");
    await step.getByTestId("board.touchpoint-name").focus();
    await expect.poll(() => styleRules(ben.page)).toContain(`[data-presence="${stepKey}"]`);
    expect(await styleRules(ben.page)).toContain('"Ana"');

    // Her pointer shows on Ben's board.
    await ana.page.mouse.move(600, 500);
    await ana.page.mouse.move(640, 520);
    await ben.page.getByTestId("board.peer-cursor").filter({ hasText: "Ana" }).waitFor();
    await ben.page.screenshot({ path: `${ARTIFACTS}/presence.png` });

    // Ben follows Ana; Ana scrolls right; Ben's board follows, and says whom it follows.
    await peerAvatar(ben.page, "Ana").click();
    await expect.poll(() => ben.page.getByTestId("board.following").innerText()).toMatch(/Ana/);
    await ana.page.locator(".board-scroll").evaluate((el) => el.scrollTo({ left: 900 }));
    const benScroll = () =>
      ben.page.locator(".board-scroll").evaluate((el) => Math.round(el.scrollLeft));
    await expect.poll(benScroll, { timeout: 10_000 }).toBeGreaterThan(600);

    // What she selects is kept in Ben's view, even far off his screen.
    await ana.page.locator(".board-scroll").evaluate((el) => el.scrollTo({ left: 0 }));
    await expect.poll(benScroll, { timeout: 10_000 }).toBeLessThan(300);
    const far = ana.page.getByTestId("board.touchpoint").last();
    await far.scrollIntoViewIfNeeded();
    await far.getByTestId("board.touchpoint-name").focus();
    const farKey = await far.getAttribute("data-presence");
    await expect
      .poll(
        () =>
          ben.page.locator(`[data-presence="${farKey}"]`).evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.right > 0 && box.left < window.innerWidth;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);

    // Ben's own scrolling leaves follow mode.
    await ben.page.locator(".board-scroll").hover();
    await ben.page.mouse.wheel(0, 200);
    await ben.page.getByTestId("board.following").waitFor({ state: "detached" });
  });

  it("outlines cards, cells and curve points others work on, and shows a curve drag live", async () => {
    const map = await session.createMap("Outlines", "saas-trial");
    const ana = await openAs("Ana", map.id, map.token);
    const ben = await openAs("Ben", map.id, await session.shareToken(map, ROLE.editor));
    await peerAvatar(ben.page, "Ana").waitFor();

    // A pain-point card Ana is renaming: outlined on Ben's board, "Ana is editing".
    const card = ana.page.getByTestId("board.card").first();
    const cardKey = await card.getAttribute("data-presence");
    await card.getByRole("button", { name: /^pain point title:/ }).click();
    await expect.poll(() => styleRules(ben.page)).toContain(`[data-presence="${cardKey}"]`);
    expect(await styleRules(ben.page)).toContain('"Ana is editing"');
    await ana.page.keyboard.press("Escape");

    // A cell she opens.
    const cell = ana.page.getByTestId("board.cell").first();
    const cellKey = await cell.evaluate((el) =>
      el.closest("[data-presence]")?.getAttribute("data-presence"),
    );
    await cell.click();
    await ana.page.locator(".ProseMirror-focused").waitFor();
    await expect.poll(() => styleRules(ben.page)).toContain(`[data-presence="${cellKey}"]`);
    expect(await styleRules(ben.page)).toContain('"Ana is editing"');
    await ana.page.keyboard.press("Escape");

    // A curve point she selects: ringed in her colour with her name on Ben's curve.
    const anaPoint = ana.page.getByTestId("board.emotion-point").nth(1);
    const pointKey = await anaPoint.getAttribute("data-presence");
    const benPoint = ben.page.locator(`[data-presence="${pointKey}"]`);
    await anaPoint.focus();
    await benPoint.getByTestId("board.emotion-peer").filter({ hasText: "Ana" }).waitFor();

    // Her drag is live on Ben's board before she lets go, and written once on release.
    const before = Number(await benPoint.getAttribute("aria-valuenow"));
    const box = (await anaPoint.locator("circle").last().boundingBox())!;
    await ana.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ana.page.mouse.down();
    await ana.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 6 });
    await expect
      .poll(async () => Number(await benPoint.getAttribute("aria-valuenow")))
      .toBeLessThan(before - 0.5);
    const dragged = Number(await anaPoint.getAttribute("aria-valuenow"));
    await ana.page.mouse.up();
    await expect
      .poll(async () => Math.round(Number(await benPoint.getAttribute("aria-valuenow"))))
      .toBe(Math.round(dragged));
    await ben.page.screenshot({ path: `${ARTIFACTS}/presence-outlines.png` });
  });

  it("drops people who leave within seconds", async () => {
    const map = await session.createMap("Leaving");
    const ana = await openAs("Ana", map.id, map.token);
    const { board: ben, context } = await session.openBoardAs(map, ROLE.editor, { name: "Ben" });
    const benOnAnas = peerAvatar(ana.page, "Ben");
    await benOnAnas.waitFor();
    await ben.page.close();
    await context.close();
    const left = Date.now();
    await benOnAnas.waitFor({ state: "detached", timeout: 5_000 });
    expect(Date.now() - left).toBeLessThan(5_000);
  });

  it("edits a cell's rich text together, with each other's carets", async () => {
    const map = await session.createMap("Cells");
    const ana = await openAs("Ana", map.id, map.token);
    const ben = await openAs("Ben", map.id, await session.shareToken(map, ROLE.editor));
    const cellLabel = /^Edit Actions at Sees a LinkedIn post$/;

    await ana.page.getByRole("button", { name: cellLabel }).click();
    const anaEditor = ana.page.getByTestId("board.cell-editor");
    // Typing at once: what is typed before the editor has loaded and taken focus is kept.
    await ana.page.keyboard.type("Scrolls the feed");
    // Ben sees the text live in the static cell.
    await ben.page
      .getByRole("button", { name: cellLabel })
      .filter({ hasText: "Scrolls the feed" })
      .waitFor();

    // Ben edits the same cell: his caret shows in Ana's editor with his name, and both texts merge.
    await ben.page.getByRole("button", { name: cellLabel }).click();
    const benEditor = ben.page.getByTestId("board.cell-editor");
    // Type only once the editor shows the shared text (it mounts empty, then binds the fragment).
    await expect.poll(() => benEditor.innerText()).toContain("Scrolls the feed");
    await ben.page.keyboard.press("End");
    await ben.page.locator(".ProseMirror-focused").waitFor();
    await ben.page.keyboard.type(" on the train");
    await ana.page.locator(".collaboration-carets__label", { hasText: "Ben" }).waitFor();
    // Both people's text is in the cell (a keystroke racing the editor's focus may lose a space).
    await expect.poll(() => anaEditor.textContent()).toMatch(/Scrolls the feed ?on the train/);
    await ana.page.screenshot({ path: `${ARTIFACTS}/cell-carets.png` });
  });
});
