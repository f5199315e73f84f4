/**
 * The multi-page PDF: the map (split by columns over as many landscape pages as keep it
 * legible), then personas, insights, and pain points with their evidence, as real text.
 * The map images come from a function (rasterizing is the browser's job), so this module
 * only lays out pages.
 */
import type { JourneyMap } from "@journeymap/schema";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { boardColumns } from "../board/columns.ts";
import { INK, type Paper, PdfFlow, toWinAnsi } from "./PdfFlow.ts";
import { MAP_LAYOUT } from "./mapSvgStyle.ts";
import { writeInsights } from "./pdfInsights.ts";
import { writePainPoints } from "./pdfPainPoints.ts";
import { writePersonas } from "./pdfPersonas.ts";

/**
 * Smallest print scale in points per board pixel: 13 px cell text prints at ≥ 7.5 pt,
 * readable on paper. Wider maps go onto more pages instead of shrinking further.
 */
const MIN_POINTS_PER_PX = 0.58;

export interface MapSlice {
  readonly png: Uint8Array;
  /** The slice's size in board pixels (the PNG is larger: it is drawn at print scale). */
  readonly width: number;
  readonly height: number;
}

/** Column ranges [from, to) per map page for this paper. */
export function pageColumns(columnCount: number, pageWidth: number): [number, number][] {
  const usable =
    (pageWidth - 80) / MIN_POINTS_PER_PX - 2 * MAP_LAYOUT.margin - MAP_LAYOUT.laneWidth;
  const perPage = Math.max(1, Math.floor(usable / MAP_LAYOUT.columnWidth));
  const pages = Math.max(1, Math.ceil(columnCount / perPage));
  // Even pages: 13 columns on 3 pages as 5/4/4, not 6/6/1 (nor 5/5/3). A map with no steps
  // still gets its one page.
  const out: [number, number][] = [];
  let from = 0;
  for (let page = 0; page < pages; page++) {
    const size = Math.floor(columnCount / pages) + (page < columnCount % pages ? 1 : 0);
    out.push([from, from + size]);
    from += size;
  }
  return out;
}

export async function buildPdf(
  map: JourneyMap,
  paper: Paper,
  drawSlice: (columns: [number, number]) => Promise<MapSlice>,
  exportedAt: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(map.meta.title);
  doc.setCreator("Journeymap");
  doc.setProducer("Journeymap");
  doc.setCreationDate(exportedAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const flow = new PdfFlow(doc, fonts, paper, `Journeymap · ${map.meta.title}`);
  const [pageW, pageH] = flow.pageSize;
  const touchpointName = new Map(map.touchpoints.map((t) => [t.id as string, t.name]));
  const phaseOf = new Map(
    map.touchpoints.map((t) => [
      t.id as string,
      map.phases.find((p) => p.id === t.phaseId)?.name ?? "",
    ]),
  );

  // The map, page by page.
  const ranges = pageColumns(boardColumns(map).columns.length, pageW);
  for (const [i, range] of ranges.entries()) {
    const slice = await drawSlice(range);
    const page = flow.newPage();
    const m = flow.margin;
    page.drawText(toWinAnsi(map.meta.title, fonts.bold), {
      x: m,
      y: pageH - m - 16,
      size: 18,
      font: fonts.bold,
      color: INK.text,
    });
    const sub =
      i === 0 && map.meta.description
        ? map.meta.description.replace(/\s+/g, " ").slice(0, 220)
        : `Journey map, part ${i + 1} of ${ranges.length}`;
    page.drawText(toWinAnsi(sub, fonts.regular), {
      x: m,
      y: pageH - m - 34,
      size: 10,
      font: fonts.regular,
      color: INK.muted,
      maxWidth: pageW - 2 * m,
    });
    const image = await doc.embedPng(slice.png);
    const top = pageH - m - 46;
    const scale = Math.min((pageW - 2 * m) / slice.width, (top - m) / slice.height);
    page.drawImage(image, {
      x: m,
      y: top - slice.height * scale,
      width: slice.width * scale,
      height: slice.height * scale,
    });
  }

  writePersonas(flow, map);
  writeInsights(flow, map, touchpointName);
  writePainPoints(flow, map, { touchpointName, phaseOf });
  return doc.save();
}
