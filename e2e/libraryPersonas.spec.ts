/**
 * Two maps sharing a persona in real Chromium (issue 19): a person saves a map's persona to the
 * workspace library from one board and adds it to a second map from the other board; editing it
 * on its library page shows in both open boards live; its page shows its emotion curve in both
 * maps; after one board detaches its copy, a library edit reaches only the other. Screenshots
 * at 1280×800 and 1024×768.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Person, signUpWithWorkspace } from "./support/accounts.ts";
import { BoardPage } from "./support/BoardPage.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { serverAndBrowser } from "./support/serverAndBrowser.ts";
import { callFromPage, SHOTS, SIZES, shoot } from "./support/pageTools.ts";

const ANA: Person = { name: "Ana Lima", email: "ana@example.com", password: "correct horse 1" };
const PERSONA = "Priya Natarajan";
/** Live changes and the library's index on a loaded machine. */
const ARRIVAL = { timeout: 20_000 };

/** The map's board, signed in (the context's session). */
async function openBoard(page: Page, baseUrl: string, mapId: string): Promise<BoardPage> {
  await page.goto(`${baseUrl}/maps/${mapId}`);
  const board = new BoardPage(page);
  await board.phases().first().waitFor();
  return board;
}

/** The persona dialog (opened if need be) showing the persona called `name`. */
async function showPersona(page: Page, name: string): Promise<void> {
  if (!(await page.getByTestId("personas.dialog").isVisible()))
    await page.getByTestId("board.personas").click();
  await page.getByTestId("personas.item").filter({ hasText: name }).click();
}

const occupationOn = (page: Page) =>
  page.getByTestId("personas.profile").getByLabel("Occupation").inputValue();

describe.runIf(chromiumAvailable())("two maps sharing a persona", () => {
  const env = serverAndBrowser();

  it("edits a library persona on its page and both boards follow live, until one detaches", async () => {
    const context = await env.browser.newContext({ viewport: SIZES[0] });
    const library = await context.newPage();
    await library.goto(env.server.url);
    const workspaceId = await signUpWithWorkspace(library, ANA);
    const one = await callFromPage<{ id: string }>(library, "POST", "/api/maps", {
      title: "SaaS trial",
      template: "saas-trial",
      workspaceId,
    });
    const two = await callFromPage<{ id: string }>(library, "POST", "/api/maps", {
      title: "Online purchase",
      template: "ecommerce-purchase",
      workspaceId,
    });

    // Board one: the map's own Priya (with her curve) goes into the library, linked.
    const boardOne = await openBoard(await context.newPage(), env.server.url, one.id);
    await showPersona(boardOne.page, PERSONA);
    await boardOne.page.getByTestId("personas.save-to-library").click();
    const linkedOne = boardOne.page.getByTestId("personas.linked");
    await linkedOne.waitFor();
    const href = await linkedOne
      .getByRole("link", { name: "Open in library" })
      .getAttribute("href");
    const personaId = href!.split("/").at(-1)!;
    expect(href).toBe(`/workspaces/${workspaceId}/personas/${personaId}`);

    // Board two: added from the library (linked), and given a curve of its own.
    const boardTwo = await openBoard(await context.newPage(), env.server.url, two.id);
    await boardTwo.page.getByTestId("board.personas").click();
    await boardTwo.page.getByTestId("personas.from-library").click();
    await boardTwo.page.getByTestId("personas.library-item").filter({ hasText: PERSONA }).click();
    await boardTwo.page.getByTestId("personas.linked").waitFor(ARRIVAL);
    await shoot(boardTwo.page, "library-personas-board", { docs: true });
    await boardTwo.page.keyboard.press("Escape");
    const [first, second] = await boardTwo.touchpointNames();
    await boardTwo.page.getByTestId("board.curve-legend-item").filter({ hasText: PERSONA }).click();
    const nudge = (verb: string, step: string) =>
      boardTwo.page
        .getByRole("button", { name: `${verb} ${PERSONA}'s feeling at ${step}` })
        .click();
    await nudge("Raise", first!);
    await nudge("Raise", first!);
    await nudge("Lower", second!);
    await boardTwo.settled(ARRIVAL);
    await showPersona(boardTwo.page, PERSONA);

    // The persona's page: both maps, each with the curve (the index follows within seconds).
    await library.goto(`${env.server.url}/workspaces/${workspaceId}/personas/${personaId}`);
    await expect
      .poll(
        async () => {
          await library.reload();
          await library.getByTestId("library.persona-profile").waitFor();
          const curves = library.getByTestId("library.persona-curve");
          const drawn = await curves.evaluateAll((figures) =>
            figures.map((f) => f.querySelectorAll("circle").length),
          );
          return drawn.length === 2 && drawn.every((n) => n > 0);
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    expect((await library.getByTestId("library.persona-map").allInnerTexts()).sort()).toEqual([
      "Online purchase",
      "SaaS trial",
    ]);

    // An edit on the page reaches both open boards.
    const occupation = library.getByTestId("library.persona-profile").getByLabel("Occupation");
    await occupation.fill("Head of operations");
    await occupation.press("Tab");
    await expect
      .poll(() => library.getByTestId("library.persona-saved").innerText(), ARRIVAL)
      .toBe("Saved · 2 maps updated");
    await expect.poll(() => occupationOn(boardOne.page), ARRIVAL).toBe("Head of operations");
    await expect.poll(() => occupationOn(boardTwo.page), ARRIVAL).toBe("Head of operations");
    await shoot(library, "library-personas", { docs: true });

    // Board one detaches: the next library edit reaches board two only.
    await boardOne.page.getByTestId("personas.detach").click();
    await boardOne.page.getByTestId("personas.save-to-library").waitFor();
    await boardOne.settled(ARRIVAL);
    await occupation.fill("COO");
    await occupation.press("Tab");
    await expect
      .poll(() => library.getByTestId("library.persona-saved").innerText(), ARRIVAL)
      .toBe("Saved · 1 map updated");
    await expect.poll(() => occupationOn(boardTwo.page), ARRIVAL).toBe("COO");
    expect(await occupationOn(boardOne.page)).toBe("Head of operations");

    // The list: the persona with the maps that use it.
    await library.goto(`${env.server.url}/workspaces/${workspaceId}/personas`);
    const card = library.getByTestId("library.persona").filter({ hasText: PERSONA });
    await card.waitFor();
    await library.setViewportSize(SIZES[1]);
    await library.screenshot({ path: path.join(SHOTS, "library-personas-list-1024x768.png") });
    await context.close();
  }, 240_000);
});
