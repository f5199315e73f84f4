/**
 * Export entry point, loaded lazily from the board header (pdf-lib and the renderer stay
 * out of the initial bundle). Each format gives a Blob and a file name; the caller saves it.
 */
import type { JourneyMap } from "@journeymap/schema";
import { buildPdf, type PdfBranches } from "./buildPdf.ts";
import { exportFileName } from "./exportFileNames.ts";
import type { Paper } from "./PdfFlow.ts";
import { rasterizeSvg } from "./rasterize.ts";
import { renderMapSvg } from "./renderMapSvg.ts";

export const EXPORT_FORMATS = ["png", "svg", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** PNG scale: 2× the board's pixels, about 190 dpi when the map fills an A3 page. */
const PNG_SCALE = 2;
/** Map pages in the PDF are drawn sharper: they are printed at up to ~0.9 pt per px. */
const PDF_SCALE = 3;

export async function exportMap(
  map: JourneyMap,
  format: ExportFormat,
  options: { paper?: Paper; now?: Date; branches?: PdfBranches } = {},
): Promise<ExportedFile> {
  const now = options.now ?? new Date();
  const title = map.meta.title;
  if (format === "svg") {
    const { svg } = renderMapSvg(map);
    return {
      blob: new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`], {
        type: "image/svg+xml",
      }),
      fileName: exportFileName(title, "svg", now),
    };
  }
  if (format === "png") {
    const { svg, width, height } = renderMapSvg(map);
    const { blob } = await rasterizeSvg(svg, width, height, PNG_SCALE);
    return { blob, fileName: exportFileName(title, "png", now) };
  }
  const paper = options.paper ?? "A3";
  const pictures = {
    // The legend and title are printed as text above each slice, so the slices have no header.
    height: renderMapSvg(map, { header: false }).height,
    draw: async (columns: [number, number]) => {
      const { svg, width, height } = renderMapSvg(map, { columns, header: false });
      const raster = await rasterizeSvg(svg, width, height, PDF_SCALE);
      return { png: new Uint8Array(await raster.blob.arrayBuffer()), width, height };
    },
  };
  const bytes = await buildPdf(map, paper, pictures, now, options.branches);
  return {
    blob: new Blob([new Uint8Array(bytes)], { type: "application/pdf" }),
    fileName: exportFileName(title, paper === "A4" ? "pdf-a4" : "pdf-a3", now),
  };
}

/** Saves a Blob through a temporary link (works offline; no server round trip). */
export function downloadFile({ blob, fileName }: ExportedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
