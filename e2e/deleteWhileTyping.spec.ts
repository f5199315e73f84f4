/**
 * Deleting a container while someone types inside it (issue 15, B1) in real Chromium, two
 * people: Bob types in a cell of a step, Alice deletes the step's phase. Bob's editor moves
 * into a notice naming Alice, keeps focus and every keystroke; Alice's undo, or Bob's Restore,
 * brings the phase back with all of Bob's text, on both boards.
 */
import path from "node:path";
import { ROLE } from "@journeymap/protocol";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const POLL = { timeout: 30_000 };
/** Two people, a server and a loaded 2-core CI box: minutes, not seconds. */
const BUDGET = 300_000;

/** Whether the caret is in the notice's editor (not dropped to the page body). */
const typingInNotice = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest(
        "[data-testid='board.deleted-while-editing'] .ProseMirror",
      ) !== null,
  );

describeInBrowser("deleting a container while someone types inside it", (session) => {
  const viewport = { width: 1280, height: 800 };

  /** Alice and Bob on one map; Bob starts typing in the first step's Actions cell. */
  async function bobTypingInAPhase(title: string) {
    const map = await session.createMap(title, "saas-trial");
    const alice = (await session.openBoardAs(map, ROLE.owner, { name: "Alice", viewport })).board;
    const bob = (await session.openBoardAs(map, ROLE.editor, { name: "Bob", viewport })).board;
    const [phase] = await alice.phaseNames();
    const [step] = await alice.touchpointNames();
    const cellLabel = `Edit Actions at ${step}`;
    await bob.page.getByRole("button", { name: cellLabel, exact: true }).click();
    await bob.page.locator(".ProseMirror-focused").waitFor();
    await bob.page.keyboard.press("ControlOrMeta+a");
    await bob.page.keyboard.type("Compares plans with a coll");
    await bob.settled(POLL);
    return { alice, bob, phase: phase!, cellLabel };
  }

  async function deletePhase(alice: BoardPage, phase: string) {
    await alice.contextMenu(alice.phase(phase), "Delete phase…");
    await alice.page.getByTestId("confirm.ok").click();
    await expect.poll(() => alice.phaseNames(), POLL).not.toContain(phase);
  }

  const cellText = (board: BoardPage, label: string) =>
    board.page.getByRole("button", { name: label, exact: true }).innerText();

  it(
    "tells Bob who deleted the phase, keeps his typing, and Alice's undo brings it all back",
    async () => {
      const { alice, bob, phase, cellLabel } = await bobTypingInAPhase("Delete while typing");

      // Bob goes on typing while Alice deletes the phase: no keystroke may go to the page.
      const typing = bob.page.keyboard.type("eague", { delay: 60 });
      await deletePhase(alice, phase);
      await typing;
      const notice = bob.page.getByTestId("board.deleted-while-editing");
      await notice.waitFor(POLL);
      await expect.poll(() => notice.innerText(), POLL).toMatch(/^Alice deleted this phase/);
      await expect.poll(() => typingInNotice(bob.page), POLL).toBe(true);
      await bob.page.keyboard.type(" before buying");
      const noticeEditor = notice.getByTestId("board.cell-editor");
      await expect
        .poll(() => noticeEditor.innerText(), POLL)
        .toBe("Compares plans with a colleague before buying");
      await bob.page.screenshot({ path: path.join(SCREENSHOTS, "board-deleted-while-typing.png") });
      await bob.page.setViewportSize({ width: 1024, height: 768 });
      await bob.page.screenshot({
        path: path.join(ARTIFACTS, "board-deleted-while-typing-1024.png"),
      });
      await bob.page.setViewportSize(viewport);
      await bob.settled(POLL);

      // Alice undoes: the phase is back with Bob's whole text on both boards.
      await alice.page.locator("body").press("Control+z");
      await expect.poll(() => alice.phaseNames(), POLL).toContain(phase);
      await expect.poll(() => bob.phaseNames(), POLL).toContain(phase);
      await notice.waitFor({ state: "detached", ...POLL });
      // Bob goes on typing in place: the cell's editor opened again where the text is.
      await bob.page.locator("[data-presence^='cell:'] .ProseMirror-focused").waitFor(POLL);
      await bob.page.keyboard.type(".");
      await bob.page.keyboard.press("Escape");
      const full = "Compares plans with a colleague before buying.";
      await expect.poll(() => cellText(bob, cellLabel), POLL).toBe(full);
      await expect.poll(() => cellText(alice, cellLabel), POLL).toBe(full);
    },
    BUDGET,
  );

  it(
    "lets Bob restore the phase in place with what he typed after the delete",
    async () => {
      const { alice, bob, phase, cellLabel } = await bobTypingInAPhase("Restore while typing");
      const phasesBefore = await alice.phaseNames();

      await deletePhase(alice, phase);
      const notice = bob.page.getByTestId("board.deleted-while-editing");
      await notice.waitFor(POLL);
      await expect.poll(() => typingInNotice(bob.page), POLL).toBe(true);
      await bob.page.keyboard.type("eague first");
      await notice.getByRole("button", { name: "Restore" }).click();

      // Back where it was, for both, with Bob's text from before and after the delete.
      await expect.poll(() => alice.phaseNames(), POLL).toEqual(phasesBefore);
      await expect.poll(() => bob.phaseNames(), POLL).toEqual(phasesBefore);
      await notice.waitFor({ state: "detached", ...POLL });
      const full = "Compares plans with a colleague first";
      await expect.poll(() => cellText(alice, cellLabel), POLL).toBe(full);
      await bob.page.keyboard.press("Escape");
      await expect.poll(() => cellText(bob, cellLabel), POLL).toBe(full);
    },
    BUDGET,
  );
});
