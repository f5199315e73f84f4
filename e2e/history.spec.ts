/**
 * Edit history end to end in real Chromium: two people edit; the history view replays both
 * edits in order with their names; a named version is compared with now; a deleted phase is
 * restored in place while a later edit elsewhere survives.
 */
import { ROLE } from "@journeymap/protocol";
import { readJourneyMap } from "@journeymap/schema";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { BoardPage } from "./support/BoardPage.ts";
import { SCREENSHOTS } from "./support/browser.ts";
import { type CreatedMap, type ServerHandle, serverDoc } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const position = (page: Page) => page.getByTestId("history.position-author").innerText();
const replayedPhases = (page: Page) =>
  page.getByTestId("history.board").getByTestId("board.phase-name").allInnerTexts();
const replayedSteps = (page: Page) =>
  page.getByTestId("history.board").getByTestId("board.touchpoint-name").allInnerTexts();

/** The step names of the map as the server holds it now (the board renders only columns in view). */
async function serverSteps(server: ServerHandle, map: CreatedMap) {
  return readJourneyMap(await serverDoc(server, map)).touchpoints.map((t) => t.name);
}

/** Ben adds a step to Purchase; Ana's board shows it. */
async function addCoupon(ben: BoardPage, ana: BoardPage): Promise<void> {
  await ben.addTouchpoint("Purchase", "Applies a coupon");
  await ben.settled();
  await ana.page.getByText("Applies a coupon", { exact: true }).waitFor();
}

/** Who made each burst of the timeline, newest first. */
const timelineAuthors = (page: Page) =>
  page
    .getByTestId("history.burst")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-author")));

async function openHistory(board: BoardPage): Promise<Page> {
  await board.page.getByTestId("board.history").click();
  await board.page.getByTestId("history.board").getByTestId("board.phase").first().waitFor();
  return board.page;
}

/**
 * Notes, in the page, when it next opens a socket and when the history's board first shows
 * (performance.now() of each); the returned function reads them.
 */
async function watchJoin(page: Page): Promise<() => Promise<{ socket?: number; board?: number }>> {
  await page.evaluate(() => {
    const seen: { socket?: number; board?: number } = {};
    (window as unknown as { __join: typeof seen }).__join = seen;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        seen.socket ??= performance.now();
      }
    };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="history.board"] [data-testid="board.phase"]')) {
        return;
      }
      seen.board ??= performance.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __join: { socket?: number; board?: number } }).__join,
    );
}

describeInBrowser("edit history", (session) => {
  // One block: its tests share the session's server and browser (describeInBrowser), whose
  // start-up costs seconds on CI.
  /** Ana (the owner) and Ben (an editor) on a new map, each in a browser of their own. */
  const anaAndBen = async (title: string) => {
    const map = await session.createMap(title);
    const ana = await session.openBoardAs(map, ROLE.owner, { name: "Ana" });
    const ben = await session.openBoardAs(map, ROLE.editor, { name: "Ben" });
    return { map, ana: ana.board, ben: ben.board, benContext: ben.context };
  };

  it("replays two people's edits in order with their names, compares a version with now, and restores a deleted phase in place", async () => {
    const { ana, ben } = await anaAndBen("Checkout journey");

    // Two people edit, one after the other.
    await ana.renamePhase("Awareness", "Discover");
    await ana.settled();
    await ben.phase("Discover").waitFor();
    await addCoupon(ben, ana);

    // The timeline lists both edits with their names, newest first.
    const page = await openHistory(ana);
    const people = async () => (await timelineAuthors(page)).filter((a) => a !== "server");
    await expect.poll(people).toEqual(["Ben", "Ana"]);

    // At the end: Ben's step. Going back replays the map as it was.
    await expect.poll(() => position(page)).toBe("Ben");
    expect(await replayedSteps(page)).toContain("Applies a coupon");
    await page.getByRole("button", { name: "Previous group of edits" }).click();
    await expect.poll(() => position(page)).toBe("Ana");
    await expect.poll(() => replayedSteps(page)).not.toContain("Applies a coupon");
    expect(await replayedPhases(page)).toContain("Discover");
    await page.getByRole("button", { name: "Previous group of edits" }).click();
    await expect.poll(() => position(page)).toBe("Journeymap");
    await expect.poll(() => replayedPhases(page)).toContain("Awareness");

    // Play replays both edits in order, highlighting what each step changed.
    const seen: string[] = [];
    await page.getByTestId("history.play").click();
    await expect
      .poll(
        async () => {
          const who = await position(page);
          if (seen.at(-1) !== who) seen.push(who);
          return who;
        },
        { interval: 100, timeout: 15_000 },
      )
      .toBe("Ben");
    expect(seen.filter((who) => who !== "Journeymap")).toEqual(["Ana", "Ben"]);
    await expect
      .poll(() => page.getByTestId("history.step-changes").innerText())
      .toMatch(/^Ben added the step “Applies a coupon” in Purchase · today /m);
    // Plain words (issue 16, R4): no byte sizes in the timeline, "edit" for the history's unit.
    expect(await page.getByTestId("history.timeline").innerText()).not.toMatch(/\d (B|KB|MB)\b/);
    expect(await page.getByTestId("history.position").innerText()).toMatch(/^Edit \d+ of \d+/);
    await page.getByRole("heading", { name: "Changed in this edit" }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/history-replay.png` });

    // Name this moment.
    await page.getByTestId("history.version-name").fill("After the workshop, 20 Nov");
    await page.getByTestId("history.version-create").click();
    await page.getByTestId("history.version").filter({ hasText: "After the workshop" }).waitFor();

    // Back on the board: Ana deletes a phase, then Ben edits elsewhere.
    await page.getByTestId("history.back").click();
    await ana.phase("Discover").waitFor();
    await ana.contextMenu(ana.phase("Discover"), "Delete phase…");
    await ana.page.getByTestId("confirm.ok").click();
    await expect.poll(() => ana.phaseNames()).not.toContain("Discover");
    await ana.settled();
    await expect.poll(() => ben.phaseNames()).not.toContain("Discover");
    await ben.renamePhase("Retention", "Loyalty");
    await ben.settled();
    await ana.phase("Loyalty").waitFor();

    // Compare the version with now: the deleted phase and the later rename are listed.
    await openHistory(ana);
    const version = page.getByTestId("history.version").filter({ hasText: "After the workshop" });
    await version.getByTestId("history.version-compare").click();
    const comparison = page.getByTestId("history.comparison");
    await expect.poll(() => comparison.innerText()).toMatch(/Removed the phase “Discover”/);
    expect(await comparison.innerText()).toMatch(/Renamed the phase “\w+” to “Loyalty”/);
    await page.screenshot({ path: `${SCREENSHOTS}/history-compare.png` });

    // Restore just the deleted phase: back in place, with its steps; Ben's rename survives.
    await comparison
      .getByTestId("history.change")
      .filter({ hasText: "Discover" })
      .getByTestId("history.restore-one")
      .click();
    await page.getByTestId("history.notice").waitFor();
    await page.getByTestId("history.back").click();
    await expect
      .poll(() => ana.phaseNames())
      .toEqual(["Discover", "Consideration", "Purchase", "Onboarding", "Loyalty", "Advocacy"]);
    await expect
      .poll(() => ben.phaseNames())
      .toEqual(["Discover", "Consideration", "Purchase", "Onboarding", "Loyalty", "Advocacy"]);
    expect(await ben.touchpointNames()).toContain("Applies a coupon");
    // Generous: two browsers and confirmations on a loaded CI box.
  }, 180_000);

  it("shows who else is on the map, with their names, colours and whether they are in the history too", async () => {
    const { ana, ben, benContext } = await anaAndBen("Onboarding journey");
    // Ben's colour as the server set it, read where the board shows it: Ana's header.
    const benOnBoard = ana.page.getByTestId("board.peer").and(ana.page.locator('[title*="Ben"]'));
    await benOnBoard.waitFor();
    const benColour = await benOnBoard.evaluate((el) => getComputedStyle(el).backgroundColor);

    const joined = await watchJoin(ana.page);
    const page = await openHistory(ana);
    const peers = (p: Page) =>
      p
        .getByTestId("history.peer")
        .evaluateAll((els) =>
          els.map((el) => `${el.getAttribute("data-name")}@${el.getAttribute("data-place")}`),
        );
    await expect.poll(() => peers(page)).toEqual(["Ben@board"]);
    // The page joined the live map only once its first moment was on screen (issue 16, R7:
    // joining at once decoded the live map while the history decoded its own).
    const { socket, board } = await joined();
    expect(board).toBeDefined();
    expect(socket).toBeGreaterThan(board!);
    const benInHistory = page.locator('[data-testid="history.peer"][data-name="Ben"]');
    expect(await benInHistory.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      benColour,
    );
    expect(await benInHistory.getAttribute("aria-label")).toBe("Ben, on the board");

    // Ben sees Ana on his board while she is in the history; then he opens it too.
    await ben.page.getByTestId("board.peer").and(ben.page.locator('[title*="Ana"]')).waitFor();
    // ...marked as in the history, and not offered to follow (nothing to follow there).
    const anaFromBoard = ben.page.locator('[data-testid="board.peer"][data-place="history"]');
    await expect.poll(() => anaFromBoard.getAttribute("aria-label")).toBe("Ana, in the history");
    expect(await anaFromBoard.evaluate((el) => el.tagName)).toBe("SPAN");
    const benHistory = await openHistory(ben);
    await expect.poll(() => peers(page)).toEqual(["Ben@history"]);
    await expect.poll(() => peers(benHistory)).toEqual(["Ana@history"]);
    await page.screenshot({ path: `${SCREENSHOTS}/history-people.png` });

    // Back on his board, he is on the board again; gone once he closes the tab.
    await benHistory.getByTestId("history.back").click();
    await expect.poll(() => peers(page)).toEqual(["Ben@board"]);
    await benContext.close();
    await expect.poll(() => peers(page), { timeout: 5_000 }).toEqual([]);
  }, 180_000);
  it("lists and outlines what others changed since my last visit, not what I watched them change live", async () => {
    const map = await session.createMap("Renewal journey");
    const benToken = await session.shareToken(map, ROLE.editor);
    const { board: ana } = await session.openBoardAs(map, ROLE.owner, { name: "Ana" });
    const logEnd = async () => {
      const res = await fetch(`${session.server.url}/api/maps/${map.id}/timeline`, {
        headers: { authorization: `Bearer ${map.token}` },
      });
      return ((await res.json()) as { seq: number }).seq;
    };
    const seenByAna = () =>
      ana.page.evaluate(
        (id) => JSON.parse(localStorage.getItem("journeymap.lastSeen") ?? "{}")[id] ?? null,
        map.id,
      );
    await expect.poll(seenByAna).toBe(await logEnd());
    const since = ana.page.getByTestId("board.changed-since");

    // Ana leaves; Ben renames a phase and adds a step.
    await ana.page.goto(`${session.server.url}/`);
    const first = await session.openBoard(map.id, benToken, { name: "Ben" });
    await first.board.renamePhase("Awareness", "Discover");
    await first.board.addTouchpoint("Purchase", "Applies a coupon");
    await first.board.settled();
    await first.context.close(); // no presence outline of his left on her board

    // Back on the map: a summary, the list, and the renamed phase outlined on the board.
    await ana.open(session.server.url, map.id, map.token);
    await since.waitFor();
    expect(await since.innerText()).toMatch(/\d+ added/);
    expect(await since.innerText()).toMatch(/Renamed the phase “\w+” to “Discover”/);
    expect(await since.innerText()).toMatch(/Added the step “Applies a coupon” in Purchase/);
    const band = ana.page.locator('[data-presence^="phase:"]').filter({ hasText: "Discover" });
    expect(await band.first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    await ana.page.screenshot({ path: `${SCREENSHOTS}/history-since-last-visit.png` });

    // While she is on the board, Ben renames another phase: she sees it happen, so it is seen.
    const second = await session.openBoard(map.id, benToken, { name: "Ben" });
    await second.board.renamePhase("Retention", "Loyalty");
    await second.board.settled();
    await ana.phase("Loyalty").waitFor();
    const end = await logEnd();
    await expect.poll(seenByAna, { timeout: 10_000 }).toBe(end);

    // She leaves again; Ben renames one more. Only that one is news on her next visit.
    await ana.page.goto(`${session.server.url}/`);
    await second.board.renamePhase("Advocacy", "Referral");
    await second.board.settled();
    await second.context.close();
    await ana.open(session.server.url, map.id, map.token);
    await since.waitFor();
    expect(await since.innerText()).toMatch(/Renamed the phase “\w+” to “Referral”/);
    expect(await since.innerText()).not.toMatch(/Loyalty/);
    expect(await since.innerText()).not.toMatch(/Discover/);
  }, 180_000);
  it("says who created and last changed a phase, restores a named version as a forward edit both see, and undoes it", async () => {
    const { map, ana, ben } = await anaAndBen("Trial journey");
    await ana.renamePhase("Awareness", "Discover");
    await ana.settled();

    // Name this moment, then Ben changes the map.
    const page = await openHistory(ana);
    await expect.poll(() => replayedPhases(page)).toContain("Discover");
    await page.getByTestId("history.version-name").fill("After the workshop");
    await page.getByTestId("history.version-create").click();
    await page.getByTestId("history.version").filter({ hasText: "After the workshop" }).waitFor();
    await page.getByTestId("history.back").click();
    await ben.phase("Discover").waitFor();
    await ben.renamePhase("Discover", "Find");
    await ben.addTouchpoint("Purchase", "Applies a coupon");
    await ben.settled();
    await ana.phase("Find").waitFor();

    // Attribution: the phase came with the template; Ben changed it last.
    await openHistory(ana);
    await expect.poll(() => replayedPhases(page)).toContain("Find");
    await page
      .getByTestId("history.board")
      .getByTestId("board.phase-name")
      .filter({ hasText: "Find" })
      .click();
    const card = page.getByTestId("history.attribution");
    await expect.poll(() => card.getByTestId("history.changed-by").innerText()).toMatch(/^Ben · /);
    expect(await card.getByTestId("history.created-by").innerText()).toMatch(/^Journeymap · /);

    // Restore the version: a new edit on the live map, which Ben's board follows.
    const version = page.getByTestId("history.version").filter({ hasText: "After the workshop" });
    await version.getByTestId("history.version-restore").click();
    await page.getByTestId("confirm.ok").click();
    await expect.poll(() => page.getByTestId("history.notice").innerText()).toMatch(/Restored/);
    await expect.poll(() => ben.phaseNames()).toContain("Discover");
    await expect.poll(() => serverSteps(session.server, map)).not.toContain("Applies a coupon");
    // Later work stays in history: the timeline still holds Ben's burst.
    await expect.poll(() => timelineAuthors(page)).toContain("Ben");

    // And the restore can be undone.
    await page.getByTestId("history.undo").click();
    await expect.poll(() => ben.phaseNames()).toContain("Find");
    await expect.poll(() => serverSteps(session.server, map)).toContain("Applies a coupon");
    // Generous: two browsers and confirmations on a loaded CI box.
  }, 180_000);

  it("at the last edit shows the live map while others edit, delete and restore (issue 16, R1, R2)", async () => {
    const { ana, ben } = await anaAndBen("Live history");
    await ana.renamePhase("Awareness", "Discover");
    await ana.settled();
    await addCoupon(ben, ana);

    // Ana keeps the history open, names this moment, and looks back and forth once.
    const page = await openHistory(ana);
    await expect.poll(() => position(page)).toBe("Ben");
    await page.getByTestId("history.version-name").fill("Before the clean-up");
    await page.getByTestId("history.version-create").click();
    await page.getByTestId("history.version").filter({ hasText: "Before the clean-up" }).waitFor();
    await page.getByRole("button", { name: "Previous group of edits" }).click();
    await expect.poll(() => position(page)).toBe("Ana");
    // The panel says what Ana's edit did, not what the jump back from Ben's undid (R2).
    const stepChanges = () => page.getByTestId("history.step-changes").innerText();
    await expect.poll(stepChanges).toMatch(/Ana renamed the phase “Awareness” to “Discover”/);
    expect(await stepChanges()).not.toMatch(/Applies a coupon/);
    await page.getByRole("button", { name: "Next group of edits" }).click();
    await expect.poll(() => position(page)).toBe("Ben");
    await expect.poll(stepChanges).toMatch(/Ben added the step “Applies a coupon”/);
    expect(await stepChanges()).not.toMatch(/Discover/);

    // Meanwhile Ben deletes a step and a phase and renames another.
    const coupon = ben.page.getByRole("button", { name: "Delete step Applies a coupon" });
    await ben.page.getByText("Applies a coupon", { exact: true }).hover();
    await coupon.click();
    await ben.contextMenu(ben.phase("Onboarding"), "Delete phase…");
    await ben.page.getByTestId("confirm.ok").click();
    await ben.renamePhase("Retention", "Loyalty");
    await ben.settled();
    const live = ["Discover", "Consideration", "Purchase", "Loyalty", "Advocacy"];
    await expect.poll(() => ben.phaseNames()).toEqual(live);

    // "Now" in the history is the live map, not the one the history was opened on.
    const atEnd = async () => {
      const [edit, of] = (await page.getByTestId("history.position").innerText())
        .match(/Edit (\d+) of (\d+)/)!
        .slice(1);
      return edit === of;
    };
    await expect.poll(() => replayedPhases(page), { timeout: 20_000 }).toEqual(live);
    expect(await replayedSteps(page)).not.toContain("Applies a coupon");
    expect(await atEnd()).toBe(true);

    // A whole-version restore: the history follows it too.
    const version = page.getByTestId("history.version").filter({ hasText: "Before the clean-up" });
    await version.getByTestId("history.version-restore").click();
    await page.getByTestId("confirm.ok").click();
    await expect.poll(() => page.getByTestId("history.notice").innerText()).toMatch(/Restored/);
    const restored = [
      "Discover",
      "Consideration",
      "Purchase",
      "Onboarding",
      "Retention",
      "Advocacy",
    ];
    await expect.poll(() => ben.phaseNames()).toEqual(restored);
    await expect.poll(() => replayedPhases(page), { timeout: 20_000 }).toEqual(restored);
    await expect.poll(() => replayedSteps(page)).toContain("Applies a coupon");
    expect(await atEnd()).toBe(true);
    // Generous: two browsers and confirmations on a loaded CI box.
  }, 180_000);

  it("moves edit by edit and filters the timeline, the changes and the board by person and phase (issue 16, R3)", async () => {
    const { ana, ben } = await anaAndBen("Filtered history");
    await ana.renamePhase("Awareness", "Discover");
    await ana.renamePhase("Retention", "Loyalty");
    await ana.settled();
    await ben.phase("Loyalty").waitFor();
    await addCoupon(ben, ana);

    const page = await openHistory(ana);
    await expect.poll(() => position(page)).toBe("Ben");
    const editNumber = async () =>
      Number((await page.getByTestId("history.position").innerText()).match(/Edit (\d+) of/)![1]);
    const changes = () => page.getByTestId("history.step-changes").innerText();
    const highlights = () => page.getByTestId("history.board").locator("> style").textContent();

    // Edit by edit, inside Ana's burst of two renames.
    await page.getByRole("button", { name: "Previous group of edits" }).click();
    await expect.poll(() => position(page)).toBe("Ana");
    const lastOfAna = await editNumber();
    await expect.poll(changes).toMatch(/Loyalty/);
    await page.getByRole("button", { name: "Previous edit" }).click();
    await expect.poll(editNumber).toBe(lastOfAna - 1);
    expect(await position(page)).toBe("Ana");
    await page.getByRole("button", { name: "Next edit" }).click();
    await expect.poll(editNumber).toBe(lastOfAna);
    // Ben's first edit adds a step (named next): the panel shows that edit alone.
    await page.getByRole("button", { name: "Next edit" }).click();
    await expect.poll(() => position(page)).toBe("Ben");
    await expect.poll(changes).toMatch(/Ben added the step “New step” in Purchase/);
    await page.getByRole("button", { name: "Next group of edits" }).click();
    await expect.poll(changes).toMatch(/Applies a coupon/);
    await expect.poll(highlights).toMatch(/touchpoint:/);

    // The person filter: Ben's edit is not listed or outlined as Ana's.
    await page.getByTestId("history.filter-person").selectOption("Ana");
    await expect.poll(changes).toMatch(/not by Ana/);
    expect(await highlights()).toBe("");
    await expect.poll(() => timelineAuthors(page)).toEqual(["Ana"]);

    // The phase filter: only the edits that touched Purchase stay in the timeline.
    await page.getByTestId("history.filter-person").selectOption("");
    const purchase = page
      .getByTestId("history.filter-phase")
      .locator("option", { hasText: "Purchase" });
    await page
      .getByTestId("history.filter-phase")
      .selectOption((await purchase.getAttribute("value"))!);
    await expect
      .poll(async () => (await timelineAuthors(page)).filter((a) => a !== "server"))
      .toEqual(["Ben"]);
    await expect.poll(changes).toMatch(/Applies a coupon/);
    await expect.poll(highlights).toMatch(/touchpoint:/);
    await page.screenshot({ path: `${SCREENSHOTS}/history-filters.png` });

    // A long list (the template's first edit) shows its first changes and offers the rest.
    await page.getByTestId("history.filter-phase").selectOption("");
    await page.getByTestId("history.range").evaluate((range: HTMLInputElement) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(range, "1");
      range.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect.poll(editNumber).toBe(1);
    const listed = page.getByTestId("history.step-changes").getByTestId("history.change");
    await expect.poll(() => listed.count()).toBe(25);
    const all = page.getByTestId("history.changes-all");
    const total = Number((await all.innerText()).match(/Show all (\d+) changes/)![1]);
    expect(total).toBeGreaterThan(25);
    await all.click();
    await expect.poll(() => listed.count()).toBe(total);
    expect(await all.count()).toBe(0);
  }, 180_000);
});
