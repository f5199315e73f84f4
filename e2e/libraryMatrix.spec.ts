/**
 * Pain points and opportunities across maps in real Chromium (issue 19): Ana finds an
 * opportunity card of one map in the workspace's table of every card, adds it to the library,
 * and links the library opportunity to a step of a second map; then she places it on the
 * value/effort matrix — by dragging it, then with the arrow keys — while Ben, in a browser of
 * his own, watches it move. Both then move it at once: the last write wins and the other's chip
 * moves there. Ben's board of the second map marks the linked card, and a rename in the library
 * reaches it live. Screenshots of the table and the matrix at 1280×800 and 1024×768.
 */
import path from "node:path";
import type { LibraryOpportunityList } from "@journeymap/protocol/http";
import type { Browser, BrowserContext, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Person, signIn, signUp, signUpWithWorkspace } from "./support/accounts.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { chromiumAvailable, launchBrowser } from "./support/browser.ts";
import { callFromPage, SHOTS, SIZES, shoot } from "./support/pageTools.ts";
import { type ServerHandle, startServer } from "./support/server.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };
const BEN: Person = { name: "Ben Osei", email: "ben@example.com", password: "battery staple 2" };
/** The library's index and live changes on a loaded machine. */
const ARRIVAL = { timeout: 20_000 };

/** Where a chip stands, as the page says (empty while in the tray). */
async function placeOf(chip: Locator): Promise<{ value: number; effort: number } | null> {
  const [value, effort] = await Promise.all([
    chip.getAttribute("data-value"),
    chip.getAttribute("data-effort"),
  ]);
  return value && effort ? { value: Number(value), effort: Number(effort) } : null;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 2;

describe.runIf(chromiumAvailable())("an opportunity linked to two maps, on the matrix", () => {
  let server: ServerHandle;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  const someone = async () => {
    const context = await browser.newContext({ viewport: SIZES[0] });
    contexts.push(context);
    return context.newPage();
  };

  it("is added from a card, linked into a second map, and placed by Ana while Ben watches it move", async () => {
    const ana = await someone();
    await ana.goto(server.url);
    const workspaceId = await signUpWithWorkspace(ana, ANA);
    await callFromPage<{ id: string }>(ana, "POST", "/api/maps", {
      title: "SaaS trial",
      template: "saas-trial",
      workspaceId,
    });
    const purchase = await callFromPage<{ id: string }>(ana, "POST", "/api/maps", {
      title: "Online purchase",
      template: "ecommerce-purchase",
      workspaceId,
    });

    // Ben joins the workspace as a member.
    const ben = await someone();
    await ben.goto(`${server.url}/sign-up`);
    await signUp(ben, BEN);
    await ana.getByTestId("account.menu").click();
    await ana.getByTestId("account.admin").click();
    await ana.getByTestId("admin.invite-email").fill(BEN.email);
    await ana.getByTestId("admin.invite").click();
    await ana.getByTestId("admin.invitation").filter({ hasText: BEN.email }).waitFor();
    await ben.goto(await ana.getByTestId("admin.invite-link").inputValue());
    await ben.getByTestId("invitation.accept").click();
    await ben.getByTestId("workspace.switch").waitFor();

    // The table of every card: both maps' pain points and opportunities (the index summarises
    // new maps within seconds); then only the opportunities.
    await ana.goto(`${server.url}/workspaces/${workspaceId}/cards`);
    const rows = ana.getByTestId("cards.row");
    await expect
      .poll(
        async () => {
          await ana.reload();
          await ana.getByTestId("cards.summary").waitFor();
          const maps = await rows.locator("td:nth-child(2)").allInnerTexts();
          return new Set(maps).size;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(2);
    await shoot(ana, "library-cards", { docs: true });
    await ana.getByTestId("cards.filter.kind").selectOption("opportunity");
    await expect
      .poll(
        async () =>
          (await ana.getByTestId("cards.summary").innerText()).startsWith("0 pain points"),
        ARRIVAL,
      )
      .toBe(true);
    expect(new URL(ana.url()).searchParams.get("kind")).toBe("opportunity");

    // One of SaaS trial's opportunities goes into the library.
    const row = rows.filter({ hasText: "SaaS trial" }).first();
    // The cell says the kind to screen readers first.
    const title = (await row.locator("td").first().innerText())
      .replace(/^Opportunity:\s*/, "")
      .trim();
    await row.getByTestId("cards.add-to-library").click();
    await row.getByText("In library").waitFor(ARRIVAL);

    // On the matrix, it waits in the tray; Ana links it to a step of Online purchase.
    await ana.getByTestId("cards.view.matrix").click();
    const anaChip = ana.getByTestId("matrix.chip").filter({ hasText: title });
    await ana
      .getByTestId("matrix.tray")
      .getByTestId("matrix.chip")
      .filter({ hasText: title })
      .waitFor();
    await anaChip.click();
    const details = ana.getByTestId("opportunity.details");
    await details.waitFor();
    await ana.getByTestId("opportunity.link-map").selectOption({ label: "Online purchase" });
    const step = ana.getByTestId("opportunity.link-step");
    await expect.poll(() => step.locator("option").count(), ARRIVAL).toBeGreaterThan(1);
    await step.selectOption({ index: 1 });
    await ana.getByTestId("opportunity.link").click();
    await expect
      .poll(
        async () =>
          (await details.getByTestId("opportunity.links").locator("a").allInnerTexts()).sort(),
        ARRIVAL,
      )
      .toEqual(["Online purchase", "SaaS trial"]);

    // Ben watches the matrix.
    await ben.goto(`${server.url}/workspaces/${workspaceId}/cards?view=matrix`);
    const benChip = ben.getByTestId("matrix.chip").filter({ hasText: title });
    await benChip.waitFor(ARRIVAL);
    expect(await placeOf(benChip)).toBeNull();

    // Ana drags it to high value, low effort.
    const matrix = await ana.getByTestId("matrix").boundingBox();
    const from = await anaChip.boundingBox();
    if (!matrix || !from) throw new Error("the matrix or the chip is not drawn");
    await ana.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await ana.mouse.down();
    await ana.mouse.move(matrix.x + matrix.width * 0.2, matrix.y + matrix.height * 0.2, {
      steps: 12,
    });
    await ana.mouse.up();
    const dropped = Date.now();
    await expect.poll(() => placeOf(anaChip), ARRIVAL).toMatchObject({ value: 80, effort: 20 });
    await expect
      .poll(async () => {
        const at = await placeOf(benChip);
        return at !== null && near(at.value, 80) && near(at.effort, 20);
      }, ARRIVAL)
      .toBe(true);
    console.info(`[matrix] Ben saw Ana's drop ${Date.now() - dropped} ms after she let go`);
    expect(await benChip.getAttribute("aria-label")).toContain("Quick wins");
    // Screen readers are told who moved what where.
    expect(await ben.getByTestId("matrix.said").innerText()).toBe(
      `Ana Lima moved ${title} to Quick wins`,
    );
    expect(await benChip.getAttribute("aria-label")).toContain("linked in 2 maps");

    // Then with the keyboard: two steps right, one up.
    await anaChip.focus();
    await ana.keyboard.press("ArrowRight");
    await ana.keyboard.press("ArrowRight");
    await ana.keyboard.press("ArrowUp");
    await expect.poll(() => placeOf(anaChip), ARRIVAL).toEqual({ value: 85, effort: 30 });
    const nudged = Date.now();
    await expect.poll(() => placeOf(benChip), ARRIVAL).toEqual({ value: 85, effort: 30 });
    console.info(`[matrix] Ben saw Ana's arrow keys ${Date.now() - nudged} ms after the last one`);
    await shoot(ana, "library-matrix", { docs: true });
    await shoot(ben, "library-matrix-watching");

    // Both move it at once: Ben is still dragging when Ana's arrow keys are saved; he lets go
    // last, so his place wins, and Ana's chip moves there.
    const benMatrix = await ben.getByTestId("matrix").boundingBox();
    const benFrom = await benChip.boundingBox();
    if (!benMatrix || !benFrom) throw new Error("Ben's matrix or chip is not drawn");
    await ben.mouse.move(benFrom.x + benFrom.width / 2, benFrom.y + benFrom.height / 2);
    await ben.mouse.down();
    await ben.mouse.move(
      benMatrix.x + benMatrix.width * 0.8,
      benMatrix.y + benMatrix.height * 0.8,
      {
        steps: 12,
      },
    );
    await anaChip.focus();
    await ana.keyboard.press("ArrowDown");
    // Ana's keys are saved (the server has her place) while Ben still holds his chip.
    const saved = () =>
      callFromPage<LibraryOpportunityList>(
        ana,
        "GET",
        `/api/workspaces/${workspaceId}/library/opportunities`,
        undefined,
      ).then((l) => l.opportunities.map((o) => [o.value, o.effort]));
    await expect.poll(saved, ARRIVAL).toEqual([[80, 30]]);
    expect(await placeOf(benChip)).toEqual({ value: 20, effort: 80 });
    await ben.mouse.up();
    await expect.poll(() => placeOf(anaChip), ARRIVAL).toEqual({ value: 20, effort: 80 });
    expect(await anaChip.getAttribute("aria-label")).toContain("Money pits");
    await expect.poll(() => placeOf(benChip), ARRIVAL).toEqual({ value: 20, effort: 80 });

    // On the board of the second map, the linked card says so; a rename in the library follows.
    const board = new BoardPage(await someone());
    await signIn(board.page, server.url, BEN);
    await board.page.goto(`${server.url}/maps/${purchase.id}`);
    await board.phases().first().waitFor();
    const linkedCard = board.page
      .getByTestId("board.card")
      .filter({ has: board.page.getByTestId("board.card-library") });
    await expect
      .poll(() => linkedCard.getByTestId("board.card-library").innerText(), ARRIVAL)
      .toBe("In library · 2 maps");
    await ana.getByTestId("opportunity.title").fill("Pricing calculator for teams");
    await ana.getByRole("button", { name: "Rename" }).click();
    await linkedCard.filter({ hasText: "Pricing calculator for teams" }).waitFor(ARRIVAL);
    await linkedCard.scrollIntoViewIfNeeded();
    await board.page.screenshot({ path: path.join(SHOTS, "library-cards-board-1280x800.png") });
    await ben
      .getByTestId("matrix.chip")
      .filter({ hasText: "Pricing calculator for teams" })
      .waitFor(ARRIVAL);
  }, 300_000);
});
