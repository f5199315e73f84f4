/**
 * Exports in real Chromium, checked as files: the PNG is the whole map at print scale (not
 * the viewport), the SVG holds the map's text, the PDF has map pages plus personas, insights
 * and pain points with their evidence as real text on A3 or A4 landscape pages, and the
 * Journeymap file imports back. Example files land in e2e/artifacts/; with UPDATE_EXAMPLES=1
 * the PNG, SVG and A3 PDF are also written to docs/examples/ (one of each, kept in the repo).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  createMapFromTemplate,
  readJourneyMap,
  sequentialIds,
  snapshotMap,
} from "@journeymap/schema";
import { serializeMapFile, toMapFile } from "@journeymap/schema/format";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { ARTIFACTS, SCREENSHOTS } from "./support/browser.ts";
import { readPdf } from "./support/pdfText.ts";
import { importMap, REPO_ROOT } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const EXAMPLES = path.join(REPO_ROOT, "docs/examples");

/** An export kept as an artifact, and as the documented example when asked to refresh it. */
function keep(name: string, bytes: Buffer | string): void {
  writeFileSync(`${ARTIFACTS}/${name}`, bytes);
  if (process.env.UPDATE_EXAMPLES) {
    mkdirSync(EXAMPLES, { recursive: true });
    writeFileSync(path.join(EXAMPLES, name), bytes);
  }
}
const EVIDENCE_TEXT = "The size chart said 44 but it fits like a 43";

/** Exported files are named by map title and the day of export (the browser's local day). */
function exportName(ending: string): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `Shoe journey - ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}${ending}`;
}

/**
 * The e-commerce template plus evidence and a comment thread on its first pain point, as a
 * Journeymap file (the import restores the thread on the map's talk document).
 */
function sampleFile() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "ecommerce-purchase", { ids: sequentialIds("t") });
  const snapshot = snapshotMap(doc);
  const pain = snapshot.cards.find((c) => c.kind === "painPoint")!;
  const map = {
    ...snapshot,
    title: "Shoe journey",
    evidence: [
      {
        id: "ev1",
        target: { kind: "card" as const, id: pain.id },
        kind: "ticket" as const,
        text: EVIDENCE_TEXT,
        source: "ZD-4411",
        url: "",
        contributor: "Priya",
        team: "Support",
        sentiment: -2,
        createdAt: 1_700_000_000_000,
      },
    ],
  };
  const comments = [
    {
      id: "thread1",
      target: { kind: "card" as const, id: pain.id },
      author: "Priya",
      createdAt: 1_700_000_000_000,
      resolved: null,
      comments: [
        {
          id: "comment1",
          author: "Priya",
          text: "Three tickets this week about this @Ana",
          mentions: ["Ana"],
          createdAt: 1_700_000_000_000,
        },
        {
          id: "comment2",
          author: "Ana",
          text: "Adding the size finder to Q3",
          mentions: [],
          createdAt: 1_700_000_060_000,
        },
      ],
    },
  ];
  return {
    text: serializeMapFile(toMapFile(map, new Date(0), comments)),
    comments,
    map,
    columns: readJourneyMap(doc).touchpoints.length,
    pain,
  };
}

async function download(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId("board.export").click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(`export.${item}`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Renders one PDF page as a docs screenshot, where poppler's pdftoppm is installed. */
function screenshotPdfPage(pdf: string, page: number, name: string): void {
  try {
    const out = path.join(SCREENSHOTS, name);
    const args = ["-png", "-r", "72", "-f", `${page}`, "-l", `${page}`, "-singlefile"];
    execFileSync("pdftoppm", [...args, pdf, out], { timeout: 60_000 });
  } catch {
    // No pdftoppm here: the screenshot stays as it was.
  }
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describeInBrowser("export", (session) => {
  let mapId: string;
  let token: string;
  const sample = sampleFile();

  beforeAll(async () => {
    ({ id: mapId, token } = await importMap(session.server, "json", sample.text));
  });

  it("exports the whole map as PNG at 2× and as SVG, beyond the viewport", async () => {
    const { board } = await session.openBoard(mapId, token, {
      viewport: { width: 1280, height: 800 },
    });
    const png = await download(board.page, "png");
    expect(png.name).toBe(exportName(".png"));
    const { width, height } = pngSize(png.bytes);
    // Margins 32, lane names 184, 220 per step — all steps, not the 1280 px viewport — at 2×.
    expect(width).toBe(2 * (2 * 32 + 184 + sample.columns * 220));
    expect(height).toBeGreaterThan(1600);
    expect(png.bytes.length).toBeGreaterThan(100_000);
    keep("export-map.png", png.bytes);

    // The person works in the dark theme; the exported drawing stays light (print, slides).
    await board.page.emulateMedia({ colorScheme: "dark" });
    const pageBackground = await board.page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(pageBackground).toBe("rgb(15, 19, 24)"); // --bg, dark
    const svg = await download(board.page, "svg");
    expect(svg.name).toBe(exportName(".svg"));
    const text = svg.bytes.toString("utf8");
    expect(
      text.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(text).toContain(">Shoe journey<");
    expect(text).toContain('fill="#f6f7f9"'); // --bg, light
    expect(text).not.toMatch(/#0f1318|#171c23/i); // no dark-theme colour anywhere
    expect(text).toContain(sample.pain.title.split(" ")[0]);
    keep("export-map.svg", text);
  });

  it("exports a multi-page PDF with map pages and real text for personas, insights and evidence", async () => {
    const { board } = await session.openBoard(mapId, token);
    const a3 = await download(board.page, "pdf-a3");
    expect(a3.name).toBe(exportName(" A3.pdf"));
    keep("export-map-a3.pdf", a3.bytes);
    const pages = await readPdf(a3.bytes);
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(1191); // A3 landscape
      expect(Math.round(page.height)).toBe(842);
    }
    const mapPages = pages.filter((p) => p.images > 0);
    expect(mapPages.length).toBeGreaterThanOrEqual(2); // 12 steps do not fit one A3 legibly
    expect(mapPages[0]!.text).toContain("Shoe journey");
    // The persona legend of the PNG, on every map page.
    for (const page of mapPages) {
      expect(page.text).toContain("Jamal Okafor");
      expect(page.text).toContain("Journey map, part");
    }
    const all = pages.map((p) => p.text).join("\n");
    expect(pages.length).toBeGreaterThanOrEqual(mapPages.length + 3);
    for (const expected of [
      "Personas",
      "Jamal Okafor",
      "Insights",
      "Steps per phase",
      "Pain points and evidence",
      sample.pain.title,
    ]) {
      expect(all).toContain(expected);
    }
    expect(all.replace(/\n/g, " ")).toContain(EVIDENCE_TEXT);
    // Hotspots by channel are printed with the channel's label, not its id ("website").
    expect(all).toContain("Website: 2 pain points, severity 8, 1 evidence");
    expect(all).toContain("ZD-4411");
    // Designed pages: numbered, plurals and typographic characters, no doubled quotes.
    for (const [i, page] of pages.entries())
      expect(page.text).toContain(`${i + 1} / ${pages.length}`);
    expect(all).toContain("2 personas");
    expect(all).not.toMatch(/\(s\)|->|"/);

    const a4 = await download(board.page, "pdf-a4");
    expect(a4.name).toBe(exportName(" A4.pdf"));
    const a4Pages = await readPdf(a4.bytes);
    for (const page of a4Pages) {
      expect(Math.round(page.width)).toBe(842); // A4 landscape
      expect(Math.round(page.height)).toBe(595);
    }
    // The map slices fill the A4 pages' height and width: more than 4 steps a page.
    const a4MapPages = a4Pages.filter((p) => p.images > 0);
    expect(a4MapPages.length).toBeGreaterThanOrEqual(2);
    expect(a4MapPages.length).toBeLessThan(Math.ceil(sample.columns / 4));
    expect(a4Pages.map((p) => p.text).join("\n")).toContain("2 personas");
    writeFileSync(`${ARTIFACTS}/export-map-a4.pdf`, a4.bytes);
    screenshotPdfPage(`${ARTIFACTS}/export-map-a4.pdf`, 1, "export-pdf-a4-map");
    const personasPage = pages.findIndex((p) => p.text.includes("Personas")) + 1;
    screenshotPdfPage(`${ARTIFACTS}/export-map-a3.pdf`, personasPage, "export-pdf-a3-personas");
  });

  it("exports the open Journeymap file, which imports back as the same map", async () => {
    const { board } = await session.openBoard(mapId, token);
    const file = await download(board.page, "json");
    expect(file.name).toBe(exportName(".json"));
    const parsed = JSON.parse(file.bytes.toString("utf8"));
    expect(parsed).toMatchObject({ format: "journeymap", version: 1 });
    expect(parsed.map.evidence[0].text).toBe(EVIDENCE_TEXT);
    const res = await fetch(`${session.server.url}/api/maps/import`, {
      method: "POST",
      body: new Uint8Array(file.bytes),
    });
    expect(res.status).toBe(201);
    expect(parsed.map).toEqual(JSON.parse(sample.text).map);
    expect(parsed).not.toHaveProperty("comments");

    // With comments: the threads the import restored, read from the live talk document.
    const withComments = await download(board.page, "json-comments");
    expect(withComments.name).toBe(exportName(" with comments.json"));
    const full = JSON.parse(withComments.bytes.toString("utf8"));
    expect(full.map).toEqual(parsed.map);
    expect(full.comments).toEqual(sample.comments);
  });
});
