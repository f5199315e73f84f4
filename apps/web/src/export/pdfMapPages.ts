/**
 * The PDF's map pages: the board split by columns over landscape pages, each page with the
 * map's title, a part line and the persona legend (as on the PNG), and the slice scaled to
 * fill what is left of the page.
 */
import type { JourneyMap, Persona } from "@journeymap/schema";
import { hexColour, INK, type PdfFlow, type TextStyle } from "./PdfFlow.ts";
import { MAP_LAYOUT } from "./mapSvgStyle.ts";

/** A rasterized slice and its size in board pixels (the PNG is larger: drawn at print scale). */
export interface MapSlice {
  readonly width: number;
  readonly height: number;
  readonly png: Uint8Array;
}

/** How large the map prints, in points per board pixel. */
const PRINT_SCALE = {
  /** What we aim for: 13 px cell text prints at ≥ 7.5 pt. A map too tall for that is printed as large as the page height allows. */
  legible: 0.58,
  /**
   * How much smaller than that a slice may print to fill the page's width instead of leaving a
   * strip empty (steps come in whole 220 px columns, so the fit is never exact).
   */
  fillTolerance: 0.9,
} as const;

export interface MapPictures {
  /** The height of the whole board in pixels (without its header): the tallest slice. */
  readonly height: number;
  readonly draw: (columns: [number, number]) => Promise<MapSlice>;
}

export interface Area {
  readonly width: number;
  readonly height: number;
}

const sliceWidth = (columns: number) =>
  2 * MAP_LAYOUT.margin + MAP_LAYOUT.laneWidth + columns * MAP_LAYOUT.columnWidth;

/** Column ranges [from, to) per map page: as few pages as print the map as large as `area` allows. */
export function pageColumns(
  columnCount: number,
  area: Area,
  mapHeight: number,
): [number, number][] {
  const target = Math.min(PRINT_SCALE.legible, area.height / mapHeight) * PRINT_SCALE.fillTolerance;
  let pages = 1;
  while (pages < columnCount) {
    const widest = Math.ceil(columnCount / pages);
    if (Math.min(area.width / sliceWidth(widest), area.height / mapHeight) >= target) break;
    pages++;
  }
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

const TITLE: TextStyle = { size: 16, font: "bold" };
const SUB: TextStyle = { size: 9.5, colour: INK.muted };
const LEGEND: TextStyle = { size: 9 };

const legendLabel = (p: Persona) => (p.role ? `${p.name} · ${p.role}` : p.name);

/** Persona legend rows: each entry's x offset and row, wrapping at `width`. */
export function legendRows(widths: readonly number[], width: number, gap: number) {
  const out: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const w of widths) {
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push({ x, row });
    x += w + gap;
  }
  return { placed: out, rows: widths.length === 0 ? 0 : row + 1 };
}

export async function writeMapPages(
  flow: PdfFlow,
  map: JourneyMap,
  pictures: MapPictures,
  columnCount: number,
): Promise<void> {
  const [pageW, pageH] = flow.pageSize;
  const m = flow.margin;
  const s = flow.scale;
  const swatch = 16 * s;
  const legend = legendRows(
    map.personas.map((p) => swatch + 6 * s + flow.widthOf(legendLabel(p), LEGEND)),
    pageW - 2 * m,
    18 * s,
  );
  const rowH = 16 * s;
  // Title, part line, legend rows, then the picture down to the footer.
  const headerH = 22 * s + 16 * s + legend.rows * rowH + 10 * s;
  const area = { width: pageW - 2 * m, height: pageH - 2 * m - headerH };
  const ranges = pageColumns(columnCount, area, pictures.height);
  const description = map.meta.description.replace(/\s+/g, " ").trim();
  for (const [i, range] of ranges.entries()) {
    const slice = await pictures.draw(range);
    const page = flow.newPage();
    let y = pageH - m - 16 * s;
    flow.line(page, map.meta.title, m, y, TITLE);
    y -= 16 * s;
    const part =
      ranges.length > 1 ? `Journey map, part ${i + 1} of ${ranges.length}` : "Journey map";
    const sub = i === 0 && description ? `${part} · ${description}` : part;
    flow.line(page, clip(flow, sub, area.width, SUB), m, y, SUB);
    y -= 6 * s;
    for (const [j, p] of map.personas.entries()) {
      const at = legend.placed[j]!;
      const baseline = y - (at.row + 1) * rowH + 4 * s;
      const colour = hexColour(p.colour);
      page.drawLine({
        start: { x: m + at.x, y: baseline + 3 * s },
        end: { x: m + at.x + swatch, y: baseline + 3 * s },
        thickness: 3 * s,
        color: colour,
      });
      flow.line(page, legendLabel(p), m + at.x + swatch + 6 * s, baseline, LEGEND);
    }
    const top = pageH - m - headerH;
    const image = await flow.embedPng(slice.png);
    const scale = Math.min(area.width / slice.width, area.height / slice.height);
    page.drawImage(image, {
      x: m,
      y: top - slice.height * scale,
      width: slice.width * scale,
      height: slice.height * scale,
    });
  }
}

/** The text cut with an ellipsis to fit one line. */
function clip(flow: PdfFlow, text: string, width: number, style: TextStyle): string {
  if (flow.widthOf(text, style) <= width) return text;
  let cut = text.length;
  while (cut > 1 && flow.widthOf(`${text.slice(0, cut)}…`, style) > width) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
