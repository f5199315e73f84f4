/**
 * Issue 15, B11: the app's own dialogs instead of the browser's confirm(), and share links that
 * can be named, renamed and copied again, with a role picker that explains each role.
 */
import { ROLE } from "@journeymap/protocol";
import { expect, it } from "vitest";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

describeInBrowser("app dialogs and share links (B11)", (session) => {
  it("B11: deleting a phase asks in an app dialog; Escape cancels and gives focus back, confirming deletes", async () => {
    const map = await session.createMap("Dialogs");
    const { board } = await session.openBoardAs(map, ROLE.owner, {
      name: "Ana",
      viewport: { width: 1280, height: 800 },
    });
    const page = board.page;
    // The browser's own dialog must never come up.
    let native = "";
    page.on("dialog", (d) => {
      native = d.message();
      void d.dismiss();
    });
    const [first] = await board.phaseNames();
    const bin = board.phase(first!).getByTestId("board.phase-delete");
    await board.phase(first!).hover();
    await bin.click();

    const dialog = page.getByRole("alertdialog", { name: `Delete the phase “${first}”?` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/You can undo with Ctrl\+Z/);
    // Modal: the page behind is inert and dimmed.
    expect(await dialog.evaluate((el) => el.matches(":modal"))).toBe(true);
    // It opens on the safe choice; the destructive button says what it does.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("confirm.cancel");
    expect(await page.getByTestId("confirm.ok").innerText()).toBe("Delete phase");
    await page.screenshot({ path: `${SCREENSHOTS}/dialog-confirm.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/dialog-confirm-1024.png` });

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await board.phaseNames()).toContain(first);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("board.phase-delete");

    // Tab stays inside the dialog (the page behind is inert).
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
    }
    await page.getByTestId("confirm.ok").click();
    await expect.poll(() => board.phaseNames()).not.toContain(first);
    expect(native).toBe("");
  }, 120_000);

  it("B11: share links are named, renamed, listed with role, maker and date, and copied again", async () => {
    const map = await session.createMap("Named links");
    const { board, context } = await session.openBoardAs(map, ROLE.owner, {
      name: "Ana",
      viewport: { width: 1280, height: 800 },
    });
    const page = board.page;
    await page.getByTestId("board.share").click();
    await page.getByTestId("share.link-new-name").fill("Sales team link");

    // The role picker: the app's own, by keyboard, each role with a line of explanation.
    const picker = page.getByTestId("share.link-role");
    await picker.focus();
    await page.keyboard.press("ArrowDown");
    const list = page.getByRole("listbox", { name: "Access" });
    await list.waitFor();
    expect(await list.getByRole("option").count()).toBeGreaterThanOrEqual(4);
    expect(await list.getByRole("option", { name: /Can view/ }).innerText()).toMatch(
      /changes nothing/,
    );
    await page.keyboard.press("v"); // jumps to "Can view"
    await page.keyboard.press("Enter");
    await list.waitFor({ state: "hidden" });
    expect(await picker.innerText()).toMatch(/Can view/);
    // Escape on the closed picker is the panel's: it stays open while the list was.
    await page.getByTestId("share.create").click();
    const first = await page.getByTestId("share.url").inputValue();
    expect(first).toContain(`/maps/${map.id}#token=`);

    const row = page.getByTestId("share.link").filter({ hasText: "Sales team link" });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Can view · made with the owner's link · just now/);

    // Renamed in place.
    await row.getByTestId("share.link-name").click();
    await page.getByTestId("share.link-name-input").fill("Sales team (EMEA)");
    await page.getByTestId("share.link-name-input").press("Enter");
    const renamed = page.getByTestId("share.link").filter({ hasText: "Sales team (EMEA)" });
    await renamed.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/share-links.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/share-links-1024.png` });

    // After a reload the name stays and Copy gives the link's address again.
    await page.reload();
    await page.getByTestId("board.phase").first().waitFor();
    await page.getByTestId("board.share").click();
    await renamed.getByTestId("share.link-copy").click();
    await expect.poll(() => page.getByTestId("share.url").inputValue()).toBe(first);

    // The copied address opens the map read-only for someone else.
    const guest = await (await session.newContext({ name: "Sam" })).newPage();
    await guest.goto(first.replace(/^https?:\/\/[^/]+/, session.server.url));
    await guest.getByTestId("board.view-only").waitFor();
    await context.close();
  }, 180_000);
});
