/**
 * The multi-page PDF: the map (split by columns over as many landscape pages as keep it
 * legible), then personas, insights, the branch figures (when the map is a branch or has
 * branches), and pain points with their evidence, as real text.
 * The map images come from a function (rasterizing is the browser's job), so this module
 * only lays out pages.
 */
import type { JourneyMap } from "@journeymap/schema";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { boardColumns } from "../board/columns.ts";
import { type Paper, PdfFlow } from "./PdfFlow.ts";
import { type BranchFigurePage, writeBranches } from "./pdfBranches.ts";
import { writeInsights } from "./pdfInsights.ts";
import { type MapPictures, writeMapPages } from "./pdfMapPages.ts";
import { writePainPoints } from "./pdfPainPoints.ts";
import { writePersonas } from "./pdfPersonas.ts";

/** The branch comparisons to print, fetched by the caller (the server compares the maps). */
export interface PdfBranches {
  readonly compared: readonly BranchFigurePage[];
  /** The map is itself a branch (else the comparisons are of its branches). */
  readonly isBranch: boolean;
}

const NO_BRANCHES: PdfBranches = { compared: [], isBranch: false };

export async function buildPdf(
  map: JourneyMap,
  paper: Paper,
  pictures: MapPictures,
  exportedAt: Date,
  branches: PdfBranches = NO_BRANCHES,
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
    symbol: await doc.embedFont(StandardFonts.Symbol),
  };
  const flow = new PdfFlow(doc, fonts, paper, `${map.meta.title} · Journeymap`);
  const touchpointName = new Map(map.touchpoints.map((t) => [t.id as string, t.name]));
  const phaseOf = new Map(
    map.touchpoints.map((t) => [
      t.id as string,
      map.phases.find((p) => p.id === t.phaseId)?.name ?? "",
    ]),
  );

  await writeMapPages(flow, map, pictures, boardColumns(map).columns.length);
  writePersonas(flow, map);
  writeInsights(flow, map, touchpointName);
  writeBranches(flow, branches.compared, branches.isBranch);
  writePainPoints(flow, map, { touchpointName, phaseOf });
  flow.finish();
  return doc.save();
}
