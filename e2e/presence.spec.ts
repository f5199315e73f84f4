/**
 * Presence in real Chromium: who is here (with server-set names), what each person selects
 * (outlined in their colour with their name), live cursors, and follow mode.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, chromiumAvailable } from "./support/browser.ts";
import { createMap, type ServerHandle, shareToken } from "./support/server.ts";
import { browserSession } from "./support/session.ts";

const enabled = chromiumAvailable();

describe.runIf(enabled)("presence", () => {
  const session = browserSession();
  let server: ServerHandle;
  beforeAll(() => {
    server = session.server();
  });
  const openAs = async (name: string, mapId: string, token: string) =>
    (await session.openBoard(mapId, token, { name, viewport: { width: 1280, height: 900 } })).board;

  it("shows who is here, what they selected, where their pointer is, and follows their view", async () => {
    const map = await createMap(server, "Presence", "saas-trial");
    const ana = await openAs("Ana", map.id, map.token);
    const ben = await openAs("Ben", map.id, await shareToken(server, map, "editor"));

    await ben.page.getByTestId("board.peer").and(ben.page.locator('[title*="Ana"]')).waitFor();
    await ana.page.getByTestId("board.peer").and(ana.page.locator('[title*="Ben"]')).waitFor();

    // Ana selects a step: Ben sees it outlined with her name.
    const step = ana.page.getByTestId("board.touchpoint").nth(2);
    const stepId = await step.getAttribute("data-touchpoint-id");
    await step.getByTestId("board.touchpoint-name").focus();
    await expect
      .poll(() =>
        ben.page
          .locator("style")
          .allInnerTexts()
          .then((t) => t.join("\n")),
      )
      .toContain(`.touchpoint[data-touchpoint-id="${stepId}"]`);
    expect((await ben.page.locator("style").allInnerTexts()).join("\n")).toContain('"Ana"');

    // Her pointer shows on Ben's board.
    await ana.page.mouse.move(600, 500);
    await ana.page.mouse.move(640, 520);
    await ben.page.getByTestId("board.peer-cursor").filter({ hasText: "Ana" }).waitFor();
    await ben.page.screenshot({ path: `${ARTIFACTS}/presence.png` });

    // Ben follows Ana; Ana scrolls right; Ben's board follows.
    await ben.page.getByTestId("board.peer").and(ben.page.locator('[title*="Ana"]')).click();
    await ana.page.locator(".board-scroll").evaluate((el) => el.scrollTo({ left: 900 }));
    await expect
      .poll(() => ben.page.locator(".board-scroll").evaluate((el) => Math.round(el.scrollLeft)), {
        timeout: 10_000,
      })
      .toBeGreaterThan(600);
  });

  it("edits a cell's rich text together, with each other's carets", async () => {
    const map = await createMap(server, "Cells");
    const ana = await openAs("Ana", map.id, map.token);
    const ben = await openAs("Ben", map.id, await shareToken(server, map, "editor"));
    const cellLabel = /^Edit Actions at Sees a LinkedIn post$/;

    await ana.page.getByRole("button", { name: cellLabel }).click();
    const anaEditor = ana.page.getByTestId("board.cell-editor");
    // Type once the editor has focus (it takes it right after binding the cell's fragment).
    await ana.page.locator(".ProseMirror-focused").waitFor();
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
