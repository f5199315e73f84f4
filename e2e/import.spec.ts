/**
 * Import from the map list in real Chromium: a CSV with bad rows is previewed with each
 * problem by row and cannot be imported (no map appears); the fixed file previews its phases
 * and steps and becomes a new map; a pasted Mermaid journey becomes a map with its actors as
 * personas; a file that is no journey map gets a clear message. Screenshots in e2e/artifacts/.
 * Files in the shape other tools make them (docs/examples): a journey map kept in a
 * spreadsheet, whose preview says where each column goes, and Mermaid with front matter.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const BAD_CSV = [
  "Phase,Touchpoint,Channel,Action,Emotion score,Pain point",
  "Discover,Sees an ad,Paid ads,Clicks the ad,1,",
  "Discover,Reads reviews,Ads;Chat;Web;App;Store;Phone;Email;Sales;Social,Compares,0,",
  "Buy,Checks out,Website,Pays,-7,Card declined",
  ",Nameless,Email,,,",
].join("\n");

const GOOD_CSV = [
  "Phase,Touchpoint,Channel,Action,Emotion score,Pain point",
  "Discover,Sees an ad,Paid ads,Clicks the ad,1,",
  "Discover,Reads reviews,Review site,Compares,0,",
  "Buy,Checks out,Website,Pays,-2,Card declined",
  "Use,First login,Email,Opens the welcome email,2,",
].join("\n");

const example = (name: string) =>
  readFileSync(new URL(`../docs/examples/${name}`, import.meta.url), "utf8");

const MERMAID = `journey
  title Buying running shoes
  section Choose
    Compare sizes: 2: Jamal, Erin
    Ask in chat: 4: Jamal
  section Receive
    Try them on: 1: Jamal
`;

describeInBrowser("import from the map list", (session) => {
  const openImport = async () => {
    const context = await session.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(session.server.url);
    await page.getByTestId("maps.import").click();
    await page.getByTestId("import.panel").waitFor();
    return page;
  };
  const choose = (page: Page, name: string, text: string) =>
    page
      .getByTestId("import.file")
      .setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
  const verdict = (page: Page) => page.getByTestId("import.verdict").innerText();

  it("previews a CSV with per-row errors, refuses it, then imports the fixed file", async () => {
    const page = await openImport();
    await choose(page, "touchpoints.csv", BAD_CSV);
    await expect
      .poll(() => verdict(page))
      .toMatch(/CSV of touchpoints\. This file has 3 problems\. Nothing will be imported/);
    const errors = await page.getByTestId("import.errors").locator("li").allInnerTexts();
    expect(errors.map((e) => e.trim())).toEqual([
      expect.stringMatching(/^Row 3: more than 8 channels in "Ads;Chat;/),
      'Row 4: the emotion score "-7" is not a whole number from -3 to +3',
      "Row 5: the phase is empty",
    ]);
    // The rows that could be read are still shown; the import button is off.
    expect(await page.getByTestId("import.step").allInnerTexts()).toEqual([
      expect.stringMatching(/^Sees an ad\s+Paid ads\s+Customer \+1/),
    ]);
    expect(await page.getByTestId("import.confirm").isDisabled()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/import-errors.png`, fullPage: true });
    expect(await page.getByTestId("maps.item").count()).toBe(0);

    // The fixed file: a preview of what the map will hold, then a new map.
    await choose(page, "touchpoints.csv", GOOD_CSV);
    await expect
      .poll(() => verdict(page))
      .toMatch(/Ready to import: 3 phases, 4 steps, 1 persona\./);
    expect(await page.getByTestId("import.phase").allInnerTexts()).toEqual([
      "Discover",
      "Buy",
      "Use",
    ]);
    await page.getByTestId("import.title").fill("Trial signup");
    expect(await page.getByTestId("import.map-title").innerText()).toBe("Trial signup");
    await page.screenshot({ path: `${ARTIFACTS}/import-preview.png`, fullPage: true });
    await page.getByTestId("import.confirm").click();

    const board = new BoardPage(page);
    await board.phases().first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/maps\/[A-Za-z0-9_-]+$/);
    expect(await page.getByTestId("board.title").innerText()).toBe("Trial signup");
    expect(await board.phaseNames()).toEqual(["Discover", "Buy", "Use"]);
    expect(await board.touchpointNames()).toEqual([
      "Sees an ad",
      "Reads reviews",
      "Checks out",
      "First login",
    ]);
    expect(await board.emotionScore("Checks out")).toBe("-2");

    // Back on the list, the new map is there (this browser owns it).
    await page.goto(session.server.url);
    await expect
      .poll(() => page.getByTestId("maps.item").allInnerTexts())
      .toEqual([expect.stringContaining("Trial signup")]);
  });

  it("imports a pasted Mermaid journey, actors as personas, scores on our scale", async () => {
    const page = await openImport();
    await page.getByText("Or paste text").click();
    await page.getByTestId("import.text").fill(MERMAID);
    await page.getByTestId("import.check-text").click();
    await expect
      .poll(() => verdict(page))
      .toMatch(/Mermaid journey\. Ready to import: 2 phases, 3 steps, 2 personas\./);
    expect(await page.getByTestId("import.panel").innerText()).toContain(
      "Mermaid scores 1–5 were mapped onto −3..+3",
    );
    expect(await page.getByTestId("import.step").first().innerText()).toMatch(
      /Compare sizes\s+Other\s+Jamal −2, Erin −2/,
    );
    await page.getByTestId("import.confirm").click();
    const board = new BoardPage(page);
    await board.phases().first().waitFor();
    expect(await page.getByTestId("board.title").innerText()).toBe("Buying running shoes");
    expect(await board.phaseNames()).toEqual(["Choose", "Receive"]);
    expect(await page.locator(".persona-chip").allInnerTexts()).toEqual([
      expect.stringContaining("Jamal"),
      expect.stringContaining("Erin"),
    ]);
  });

  it("imports a spreadsheet journey map, saying where each column goes and which are ignored", async () => {
    const page = await openImport();
    await choose(page, "journey-map.csv", example("journey-map.csv"));
    await expect
      .poll(() => verdict(page))
      .toMatch(/CSV of touchpoints\. Ready to import: 5 phases, 7 steps, 1 persona\./);
    const notes = await page.getByTestId("import.note").allInnerTexts();
    expect(notes[0]).toContain("User Action → Actions lane · Thought/Quote → Thoughts lane");
    expect(notes[0]).toContain("Opportunity → opportunity cards");
    expect(notes[1]).toBe('Ignored (the map has no place for it): "Confidence".');
    expect(await page.getByTestId("import.step").nth(2).innerText()).toMatch(
      /Product page\s+Other\s+Customer −2\s+Size chart shows US sizes only on mobile\s+Fit finder/,
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS, "import-journey-map.png"),
      fullPage: true,
    });
    await page.getByTestId("import.confirm").click();
    const board = new BoardPage(page);
    await board.phases().first().waitFor();
    expect(await board.phaseNames()).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Delivery",
      "Return",
    ]);
    expect(await board.emotionScore("Returns portal")).toBe("-3");
    const text = await page.locator("body").innerText();
    expect(text).toContain("Prints a return label");
    expect(text).toContain("Is a 44 here the same as a 44 elsewhere?");
    expect(text).toContain("Instant exchange: ship the new size first");
  });

  it("imports a Mermaid journey with YAML front matter", async () => {
    const page = await openImport();
    await choose(page, "journey.mmd", example("journey-frontmatter.mmd"));
    await expect
      .poll(() => verdict(page))
      .toMatch(/Mermaid journey\. Ready to import: 2 phases, 3 steps, 2 personas\./);
    expect(await page.getByTestId("import.map-title").innerText()).toBe("Buying running shoes");
  });

  it("says clearly why a file is not a journey map, and offers no import", async () => {
    const page = await openImport();
    await choose(page, "package.json", '{"name":"not-a-map","version":"1.0.0"}');
    await expect.poll(() => verdict(page)).toMatch(/Journeymap file\. This file has 1 problem\./);
    expect(await page.getByTestId("import.errors").innerText()).toContain(
      'format: expected "journeymap" (is this a Journeymap file?)',
    );
    expect(await page.getByTestId("import.confirm").isDisabled()).toBe(true);

    await choose(page, "empty.csv", "   \n");
    await expect
      .poll(() => page.getByTestId("import.problem").innerText())
      .toBe("The file is empty");
    expect(await page.getByTestId("import.preview").count()).toBe(0);
  });
});
