/** The exported board's rows: the steps, then every visible lane, each as tall as its tallest cell. */
import type { JourneyMap, Lane } from "@journeymap/schema";
import type { Column } from "../board/columns.ts";
import { cellBlock, stepBlock } from "./mapSvgCells.ts";
import { emotionRow } from "./mapSvgEmotions.ts";
import {
  CELL_PAD,
  COL_W,
  EMOTION_H,
  GUTTER,
  LANE_W,
  LIGHT,
  MARGIN,
  MIN_ROW_H,
} from "./mapSvgStyle.ts";
import { lines, text } from "./svgBlocks.ts";
import { wrapText } from "./svgText.ts";

export interface Row {
  readonly label: string;
  readonly sub?: string;
  readonly height: number;
  readonly draw: (y: number) => string;
}

/** Inner width of a cell: a column less its gutters and padding. */
const INNER = COL_W - 2 * GUTTER - 2 * CELL_PAD;

function stepsRow(columns: readonly Column[], colX: (i: number) => number): Row {
  const steps = columns.map((c) => stepBlock(c, INNER - 16));
  const stepsH = Math.max(...steps.map((b) => b.height), 40) + 2 * CELL_PAD + 8;
  return {
    label: "",
    height: stepsH,
    draw: (ry) =>
      columns
        .map((_, i) => {
          const x = colX(i) + GUTTER;
          const w = COL_W - 2 * GUTTER;
          return (
            `<rect x="${x + 4}" y="${ry + 6}" width="${w - 8}" height="${stepsH - 12}" rx="10" fill="${LIGHT.surface}" stroke="${LIGHT.border}"/>` +
            steps[i]!.draw(x + 4 + CELL_PAD, ry + 6 + CELL_PAD, INNER - 16)
          );
        })
        .join(""),
  };
}

function laneRow(
  map: JourneyMap,
  lane: Lane,
  columns: readonly Column[],
  colX: (i: number) => number,
): Row {
  if (lane.kind === "emotions") {
    return {
      label: lane.name,
      sub: "+3 delighted · −3 furious",
      height: EMOTION_H,
      draw: (ry) => emotionRow(map, columns, colX, ry),
    };
  }
  const blocks = columns.map((c) => cellBlock(map, lane, c, INNER));
  const labelH = wrapText(lane.name, LANE_W - 32, 14, { bold: true, maxLines: 3 }).length * 20;
  const h = Math.max(
    MIN_ROW_H,
    labelH + 2 * CELL_PAD,
    Math.max(...blocks.map((b) => b.height), 0) + 2 * CELL_PAD,
  );
  return {
    label: lane.name,
    height: h,
    draw: (ry) =>
      blocks.map((b, i) => b.draw(colX(i) + GUTTER + CELL_PAD, ry + CELL_PAD, INNER)).join(""),
  };
}

export function boardRows(
  map: JourneyMap,
  lanes: readonly Lane[],
  columns: readonly Column[],
  colX: (i: number) => number,
): Row[] {
  return [stepsRow(columns, colX), ...lanes.map((lane) => laneRow(map, lane, columns, colX))];
}

/** Draws the rows from `top` down, each under a rule with its lane's label; returns the bottom. */
export function drawRows(
  rows: readonly Row[],
  boardW: number,
  top: number,
): { readonly svg: string[]; readonly bottom: number } {
  const svg: string[] = [];
  let ry = top;
  for (const row of rows) {
    svg.push(
      `<line x1="${MARGIN}" y1="${ry}" x2="${MARGIN + boardW}" y2="${ry}" stroke="${LIGHT.border}"/>`,
    );
    if (row.label) {
      const label = wrapText(row.label, LANE_W - 32, 14, { bold: true, maxLines: 3 });
      svg.push(lines(label, MARGIN + 16, ry + 10, 14, LIGHT.muted, 'font-weight="700"'));
      if (row.sub)
        svg.push(text(MARGIN + 16, ry + 16 + label.length * 20, row.sub, 11, LIGHT.faint));
    }
    svg.push(row.draw(ry));
    ry += row.height;
  }
  return { svg, bottom: ry };
}
