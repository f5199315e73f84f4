/**
 * The board's tools in real Chromium: the command palette and shortcuts, context menus, lanes
 * (add, rename, hide, bring back), the persona editor, zoom, the minimap and the dark theme.
 * Edits are checked on a second person's board too: they are ordinary, synced, undoable edits.
 */
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { ARTIFACTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("board tools", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  it("runs commands from the palette and context menus, and undoes them", async () => {
    const map = await session.createMap("Commands");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const { board: other } = await session.openBoardAs(map, ROLE.editor);
    const before = await board.phaseNames();

    await board.runCommand("Add a phase");
    await expect.poll(() => other.phaseNames()).toEqual([...before, "New phase"]);
    // The new phase's name is open for typing (B7): Escape keeps "New phase", then undo.
    await board.page.getByTestId("board.phase-name-input").press("Escape");
    await board.page.locator("body").press("Control+z");
    await expect.poll(() => other.phaseNames()).toEqual(before);

    // Right click on the first phase: move it right.
    await board.contextMenu(board.phase(before[0]!), "Move right");
    await expect.poll(() => other.phaseNames()).toEqual([before[1], before[0], ...before.slice(2)]);
    // The same menu from the keyboard (Shift+F10 on the phase's name).
    await board.phase(before[0]!).getByTestId("board.phase-name").focus();
    await board.page.keyboard.press("Shift+F10");
    await board.page.getByTestId("context-menu").waitFor();
    await board.page.screenshot({ path: `${ARTIFACTS}/context-menu.png` });
    await board.page.keyboard.press("Escape");
    await board.page.getByTestId("context-menu").waitFor({ state: "detached" });
  });

  it("adds, renames, hides and brings back lanes", async () => {
    const map = await session.createMap("Lanes");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const { board: other } = await session.openBoardAs(map, ROLE.editor);
    await board.page.getByTestId("board.add-lane").click();
    await expect.poll(() => other.laneNames()).toContain("Notes");
    // The new lane's name is open for typing (B7).
    await board.page.getByTestId("board.lane-name-input").fill("Backstage");
    await board.page.getByTestId("board.lane-name-input").press("Enter");
    await expect.poll(() => other.laneNames()).toContain("Backstage");

    const thoughts = board.page.getByTestId("board.lane").filter({ hasText: "Thoughts" });
    await thoughts.hover();
    await thoughts.getByTestId("board.lane-menu").click();
    await board.page.getByRole("menuitem", { name: "Hide lane" }).click();
    await expect.poll(() => other.laneNames()).not.toContain("Thoughts");
    await board.page.getByRole("button", { name: "Show the lane Thoughts" }).click();
    await expect.poll(() => other.laneNames()).toContain("Thoughts");

    // Drag and drop by keyboard (dnd-kit): Thoughts goes up one.
    const lanes = await board.laneNames();
    const at = lanes.indexOf("Thoughts");
    const handle = board.page.getByRole("button", { name: "Reorder lane Thoughts" });
    await handle.focus();
    // dnd-kit measures between key presses: give it a frame or two each time.
    for (const key of ["Space", "ArrowUp", "Space"]) {
      await board.page.keyboard.press(key);
      await board.page.waitForTimeout(150);
    }
    const expected = [...lanes];
    expected.splice(at - 1, 2, "Thoughts", lanes[at - 1]!);
    await expect.poll(() => other.laneNames()).toEqual(expected);
  });

  it("edits personas in the persona editor, live for others", async () => {
    const map = await session.createMap("Personas", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const { board: other } = await session.openBoardAs(map, ROLE.editor);
    await board.page.getByTestId("board.personas").click();
    const dialog = board.page.getByTestId("personas.dialog");
    await dialog.getByTestId("personas.profile").waitFor();
    await dialog.getByLabel("Occupation").fill("Head of delivery");
    await dialog.getByLabel("Quote").fill("I need my team on one page by Friday.");
    await dialog.getByLabel("Name").first().click(); // blur writes the fields
    await board.page.screenshot({ path: `${ARTIFACTS}/personas.png` });

    await other.page.getByTestId("board.personas").click();
    const otherDialog = other.page.getByTestId("personas.dialog");
    await expect
      .poll(() => otherDialog.getByLabel("Occupation").inputValue())
      .toBe("Head of delivery");
    await expect
      .poll(() => other.page.locator(".persona-chip").first().getAttribute("title"))
      .toBe("I need my team on one page by Friday.");

    // A new persona gets a chip on the board.
    await dialog.getByTestId("personas.add").click();
    await expect.poll(() => other.page.locator(".persona-chip").count()).toBe(3);
  });

  it("edits a pain point's severity, status and owner", async () => {
    const map = await session.createMap("Cards", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner);
    const { board: other } = await session.openBoardAs(map, ROLE.editor);
    const card = board.page.getByTestId("board.card").first();
    const key = await card.getAttribute("data-presence");
    await card.getByRole("button", { name: /^Severity 2 of 5$/ }).click();
    await card.getByRole("combobox", { name: /^Status of/ }).selectOption("inProgress");
    await card.getByRole("button", { name: /^Owner of/ }).click();
    await board.page.getByRole("textbox", { name: /^Owner of/ }).fill("Growth squad");
    await board.page.getByRole("textbox", { name: /^Owner of/ }).press("Enter");
    const mirrored = other.page.locator(`[data-presence="${key}"]`);
    await expect.poll(() => mirrored.getAttribute("data-rating")).toBe("2");
    await expect.poll(() => mirrored.getAttribute("data-status")).toBe("inProgress");
    await expect.poll(() => mirrored.innerText()).toContain("Growth squad");

    // Drag the card by its handle onto the next step's pain-point cell.
    const target = board.page
      .locator(".cell")
      .filter({ has: board.page.getByRole("button", { name: /^Add a pain point to / }) })
      .nth(0);
    const handle = card.getByRole("button", { name: /^Move pain point/ });
    await card.hover();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await board.page.mouse.move(from.x + 8, from.y + 8);
    await board.page.mouse.down();
    for (let i = 1; i <= 8; i++)
      await board.page.mouse.move(
        from.x + ((to.x + 40 - from.x) * i) / 8,
        from.y + ((to.y + 20 - from.y) * i) / 8,
      );
    // Let dnd-kit measure the drop target under the pointer before the drop.
    await board.page.mouse.move(to.x + 42, to.y + 22);
    await board.page.waitForTimeout(100);
    await board.page.mouse.up();
    const targetStep = await target.getAttribute("data-presence");
    await expect
      .poll(() =>
        other.page.locator(`[data-presence="${targetStep}"] [data-presence="${key}"]`).count(),
      )
      .toBe(1);
  });

  it("zooms, navigates with the minimap, and switches to the dark theme", async () => {
    const map = await session.createMap("Views", "saas-trial");
    const { board } = await session.openBoardAs(map, ROLE.owner, {
      viewport: { width: 1280, height: 860 },
    });
    const zoom = board.page.getByTestId("board.zoom");
    await board.page.locator("body").press("Control+Minus");
    await expect.poll(() => zoom.innerText()).toBe("90%");
    await board.page.locator("body").press("Control+0");
    await expect.poll(() => zoom.innerText()).toBe("100%");

    const minimap = board.page.getByTestId("board.minimap").locator("svg");
    const box = (await minimap.boundingBox())!;
    await minimap.click({ position: { x: box.width - 4, y: box.height / 2 } });
    await expect
      .poll(() => board.page.locator(".board-scroll").evaluate((el) => el.scrollLeft))
      .toBeGreaterThan(300);
    // The view frame follows the scroll (moved on the element, not through React: Minimap.tsx).
    const frame = minimap.locator(".minimap-view");
    await expect.poll(async () => (await frame.boundingBox())!.x - box.x).toBeGreaterThan(4);

    await board.runCommand("Fit the map to the window");
    await expect.poll(() => zoom.innerText()).not.toBe("100%");
    await board.runCommand("Dark theme");
    await expect
      .poll(() => board.page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe("rgb(15, 19, 24)");
    await board.page.screenshot({ path: `${ARTIFACTS}/board-dark.png` });
    await board.runCommand("Light theme");
  });
});
