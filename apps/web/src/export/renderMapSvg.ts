/**
 * The whole map as one SVG document (light theme), as a pure function of the read model:
 * the SVG export, the PNG export (rasterized) and the PDF's map pages all draw this. Layout,
 * colours and the curve follow the board (columns.ts, curve.ts, tokens.css), with every row
 * as tall as its content so nothing is cut off as it would be in a screenshot.
 *
 * The pieces: mapSvgStyle (colours, geometry), svgBlocks (text and blocks), mapSvgHeader,
 * mapSvgPhases (bands), mapSvgRows with mapSvgCells and mapSvgEmotions (the lanes).
 */
import type { JourneyMap } from "@journeymap/schema";
import { boardColumns } from "../board/columns.ts";
import { drawHeader } from "./mapSvgHeader.ts";
import { drawPhaseBands } from "./mapSvgPhases.ts";
import { boardRows, drawRows } from "./mapSvgRows.ts";
import { COL_W, FONT, GUTTER, LANE_W, LIGHT, MARGIN, PHASE_H } from "./mapSvgStyle.ts";
import { escapeXml, mixColour } from "./svgText.ts";

export interface RenderOptions {
  /** Columns [from, to) to draw: the PDF splits wide maps across pages. Default: all. */
  readonly columns?: readonly [number, number];
  /** Title, scenario and persona legend above the board (off for PDF pages, which print them as text). */
  readonly header?: boolean;
}

export interface RenderedMap {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Number of columns of the whole board, for paging. */
  readonly columnCount: number;
}

export function renderMapSvg(map: JourneyMap, options: RenderOptions = {}): RenderedMap {
  const all = boardColumns(map);
  const [from, to] = options.columns ?? [0, all.columns.length];
  const columns = all.columns.slice(from, to);
  const boardW = LANE_W + columns.length * COL_W;
  const width = boardW + 2 * MARGIN;
  const header =
    options.header !== false ? drawHeader(map, boardW, MARGIN) : { svg: [], bottom: MARGIN };

  const top = header.bottom;
  const colX = (i: number) => MARGIN + LANE_W + i * COL_W;
  const bands = drawPhaseBands(all.spans, [from, to], colX, top);
  const bodyTop = top + PHASE_H;
  const rows = boardRows(
    map,
    map.lanes.filter((l) => !l.hidden),
    columns,
    colX,
  );
  const bodyH = rows.reduce((h, r) => h + r.height, 0);
  // Column tints: each column in its phase's colour, as on the board.
  const tints = columns
    .map((c, i) => {
      const colour = c.phase.synthetic ? LIGHT.faint : c.phase.colour;
      return `<rect x="${colX(i) + GUTTER}" y="${bodyTop}" width="${COL_W - 2 * GUTTER}" height="${bodyH}" fill="${mixColour(LIGHT.bg, colour, 0.08)}"/>`;
    })
    .join("");
  const body = drawRows(rows, boardW, bodyTop);
  const y = body.bottom;
  const height = y + MARGIN;
  const laneColumn = `<rect x="${MARGIN}" y="${top}" width="${LANE_W}" height="${y - top}" fill="${LIGHT.bg}"/><line x1="${MARGIN + LANE_W}" y1="${top}" x2="${MARGIN + LANE_W}" y2="${y}" stroke="${LIGHT.border}"/>`;

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(map.meta.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${LIGHT.surface}"/>`,
    `<rect x="${MARGIN}" y="${top}" width="${boardW}" height="${y - top}" rx="4" fill="${LIGHT.bg}"/>`,
    tints,
    laneColumn,
    ...bands,
    ...body.svg,
    `<rect x="${MARGIN}" y="${top}" width="${boardW}" height="${y - top}" rx="4" fill="none" stroke="${LIGHT.border}"/>`,
    ...header.svg,
    "</svg>",
  ].join("");
  return { svg, width, height, columnCount: all.columns.length };
}
