/**
 * The PDF's layout, read back from what was drawn on which page: the map pages carry the
 * persona legend, the appendix uses typographic characters and plurals, and every page is
 * numbered.
 */
import { compareFigures, describeFigures, MapEditor, readJourneyMap } from "@journeymap/schema";
import { PDFDocument, PDFPage } from "pdf-lib";
import { describe, expect, it, vi } from "vitest";
import { buildPdf, type PdfBranches } from "../../src/export/buildPdf.ts";
import { renderMapSvg } from "../../src/export/renderMapSvg.ts";
import { templateMap } from "../support/templateMap.ts";

/** A 1×1 transparent PNG: the slices' pixels do not matter here. */
const PIXEL = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);

interface Drawn {
  readonly page: number;
  readonly text: string;
  readonly size: number;
}

/** Builds the PDF and returns the text drawn on each page (runs on a line joined). */
async function layout(
  map: ReturnType<typeof readJourneyMap>,
  paper: "A3" | "A4",
  branches?: PdfBranches,
) {
  const pages: PDFPage[] = [];
  const drawn: Drawn[] = [];
  const addPage = PDFDocument.prototype.addPage;
  vi.spyOn(PDFDocument.prototype, "addPage").mockImplementation(function (
    this: PDFDocument,
    ...args
  ) {
    const page = addPage.apply(this, args);
    pages.push(page);
    return page;
  });
  const drawText = PDFPage.prototype.drawText;
  vi.spyOn(PDFPage.prototype, "drawText").mockImplementation(function (
    this: PDFPage,
    text,
    options,
  ) {
    drawn.push({ page: pages.indexOf(this), text, size: options?.size ?? 0 });
    return drawText.call(this, text, options);
  });
  const pictures = {
    height: renderMapSvg(map, { header: false }).height,
    draw: async (columns: [number, number]) => {
      const { width, height } = renderMapSvg(map, { columns, header: false });
      return { png: PIXEL, width, height };
    },
  };
  const bytes = await buildPdf(map, paper, pictures, new Date(0), branches).finally(() =>
    vi.restoreAllMocks(),
  );
  const doc = await PDFDocument.load(bytes);
  const textOf = (page: number) =>
    drawn
      .filter((d) => d.page === page)
      .map((d) => d.text)
      .join("");
  const mapPages = pages.flatMap((_, i) => (textOf(i).includes("Journey map") ? [i] : []));
  return { doc, drawn, mapPages, textOf, all: drawn.map((d) => d.text).join("") };
}

function sample() {
  const { doc, map } = templateMap("ecommerce-purchase");
  const editor = new MapEditor(doc);
  editor.updatePersona(map.personas[0]!.id, { quote: `"I just want shoes that fit"` });
  return readJourneyMap(doc);
}

describe("buildPdf", () => {
  it("prints the persona legend on every map page, as the PNG does", async () => {
    const map = sample();
    const { mapPages, textOf } = await layout(map, "A4");
    expect(mapPages.length).toBeGreaterThanOrEqual(2);
    for (const i of mapPages) {
      for (const persona of map.personas) expect(textOf(i)).toContain(persona.name);
    }
  });

  it("writes the appendix with plurals, arrows and curly quotes, never doubled", async () => {
    const { all } = await layout(sample(), "A3");
    expect(all).toContain("2 personas");
    expect(all).not.toMatch(/\(s\)/);
    expect(all).not.toContain("->");
    expect(all).toContain("→");
    expect(all).toContain("\u22123 Very negative"); // a minus sign, not a hyphen
    expect(all).toContain("\u201cI just want shoes that fit\u201d");
    expect(all).not.toContain('"');
  });

  it("numbers every page and prints A3 text larger than A4", async () => {
    const a3 = await layout(sample(), "A3");
    const pageCount = a3.doc.getPageCount();
    for (let i = 0; i < pageCount; i++) {
      expect(a3.textOf(i)).toContain(`${i + 1} / ${pageCount}`);
    }
    const bodySize = (drawn: readonly Drawn[]) =>
      drawn.find((d) => d.text.startsWith("Pain points and evidence"))?.size ?? 0;
    const a4 = await layout(sample(), "A4");
    expect(bodySize(a3.drawn)).toBeGreaterThan(bodySize(a4.drawn));
  });

  it("fills A4 map pages with the map: the picture spans the page width", async () => {
    const map = sample();
    const { mapPages } = await layout(map, "A4");
    // Fewer, fuller pages than the four steps per page A4 used to get.
    expect(mapPages.length).toBeLessThan(Math.ceil(map.touchpoints.length / 4));
  });

  it("prints a branch page: the sentence and the figures original vs branch with Δ", async () => {
    const original = sample();
    const { doc } = templateMap("ecommerce-purchase");
    const editor = new MapEditor(doc);
    const [first, second] = original.touchpoints;
    editor.deleteTouchpoint(first!.id);
    editor.setEmotion(original.personas[0]!.id, second!.id, 3);
    const branch = readJourneyMap(doc);
    const figures = compareFigures(original, branch);
    const summary = describeFigures(figures, "To-be");
    const {
      all,
      textOf,
      doc: pdf,
    } = await layout(original, "A4", {
      compared: [{ name: "To-be: self-serve", summary, figures }],
      isBranch: false,
    });
    const page = [...Array(pdf.getPageCount()).keys()].find((i) =>
      textOf(i).includes("Branches: as-is and to-be"),
    );
    expect(page).toBeDefined();
    const text = textOf(page!);
    expect(text).toContain("1 branch of this map against it");
    expect(text).toContain("To-be: self-serve");
    expect(text).toContain(`${summary}.`);
    expect(summary).toMatch(/^To-be removes 1 step/);
    for (const head of ["Figure", "Original", "Branch", "Δ", "Steps", "Hand-offs"])
      expect(text).toContain(head);
    expect(text).toContain(String(figures.steps.left));
    expect(text).toContain("\u22121"); // one step fewer, with a real minus sign
    // Nothing for a map without branches.
    expect((await layout(original, "A4")).all).not.toContain("Branches: as-is");
    expect(all).not.toContain("->");
  });
});
