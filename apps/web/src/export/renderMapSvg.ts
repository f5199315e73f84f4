/**
 * The whole map as one SVG document (light theme), as a pure function of the read model:
 * the SVG export, the PNG export (rasterized) and the PDF's map pages all draw this. Layout,
 * colours and the curve follow the board (columns.ts, curve.ts, tokens.css), with every row
 * as tall as its content so nothing is cut off as it would be in a screenshot.
 */
import {
  CHANNEL_LABELS,
  type Card,
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  emotionKey,
  type JourneyMap,
  type Lane,
  cellRootName,
} from "@journeymap/schema";
import { boardColumns, type Column } from "../board/columns.ts";
import { curvePath, scoreToY } from "../board/curve.ts";
import { escapeXml, estimateWidth, mixColour, wrapText } from "./svgText.ts";

/** The light theme of tokens.css, resolved (an exported file cannot read CSS variables). */
export const LIGHT = {
  bg: "#f6f7f9",
  surface: "#ffffff",
  surfaceMuted: "#f1f3f6",
  border: "#e2e5ea",
  borderStrong: "#c9ced6",
  text: "#1c2330",
  muted: "#5b6472",
  faint: "#8a93a1",
  pain: "#fff1ec",
  painBorder: "#f97316",
  opportunity: "#effcf3",
  opportunityBorder: "#16a34a",
} as const;

export const SENTIMENT: Readonly<Record<number, string>> = {
  [-3]: "#dc2626",
  [-2]: "#f97316",
  [-1]: "#fdba74",
  0: "#9ca3af",
  1: "#86efac",
  2: "#22c55e",
  3: "#15803d",
};
/** Dark numbers on the light sentiment colours, white on the strong ones (contrast). */
const ON_SENTIMENT = (score: number) => (Math.abs(score) >= 2 ? "#ffffff" : LIGHT.text);

const FONT = "Inter, 'Segoe UI', 'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";
const MARGIN = 32;
const LANE_W = 184;
const COL_W = 220;
const GUTTER = 4;
const PHASE_H = 48;
const CELL_PAD = 12;
const EMOTION_H = 200;
const CURVE = { height: EMOTION_H - 40, padding: 20 };
const MIN_ROW_H = 48;
/** The board's geometry in px, for callers that page the map (buildPdf). */
export const MAP_LAYOUT = { margin: MARGIN, laneWidth: LANE_W, columnWidth: COL_W } as const;

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

interface Block {
  readonly height: number;
  readonly draw: (x: number, y: number, width: number) => string;
}

const text = (
  x: number,
  y: number,
  content: string,
  size: number,
  fill: string = LIGHT.text,
  extra = "",
) =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" fill="${fill}"${extra ? ` ${extra}` : ""}>${escapeXml(content)}</text>`;

function lines(
  content: readonly string[],
  x: number,
  y: number,
  size: number,
  fill: string,
  extra = "",
): string {
  const lineH = Math.round(size * 1.4);
  return content.map((l, i) => text(x, y + size + i * lineH, l, size, fill, extra)).join("");
}

function textBlock(
  content: string,
  width: number,
  size: number,
  fill: string = LIGHT.text,
  { bold = false, italic = false, maxLines = 16 } = {},
): Block {
  const wrapped = wrapText(content, width, size, { bold, maxLines });
  const extra = [bold ? 'font-weight="700"' : "", italic ? 'font-style="italic"' : ""]
    .filter(Boolean)
    .join(" ");
  return {
    height: wrapped.length * Math.round(size * 1.4),
    draw: (x, y) => lines(wrapped, x, y, size, fill, extra),
  };
}

function chip(label: string, x: number, y: number): string {
  const w = estimateWidth(label, 12) + 20;
  return `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="22" rx="11" fill="${LIGHT.surfaceMuted}" stroke="${LIGHT.border}"/>${text(x + 10, y + 15.5, label, 12, LIGHT.muted)}`;
}

function cardBlock(card: Card, width: number): Block {
  const inner = width - 24;
  const title = textBlock(card.title, inner, 13, LIGHT.text, { maxLines: 6 });
  const h = 12 + title.height + 8 + 10 + 10;
  const isPain = card.kind === "painPoint";
  const muted = card.status === "done" || card.status === "dismissed";
  return {
    height: h,
    draw: (x, y) => {
      let out = `<g${muted ? ' opacity="0.6"' : ""}>`;
      out += `<rect x="${x}" y="${y}" width="${width}" height="${h}" rx="6" fill="${isPain ? LIGHT.pain : LIGHT.opportunity}"/>`;
      out += `<rect x="${x}" y="${y}" width="4" height="${h}" rx="2" fill="${isPain ? LIGHT.painBorder : LIGHT.opportunityBorder}"/>`;
      out += title.draw(x + 14, y + 8, inner);
      const dy = y + 12 + title.height + 8;
      for (let i = 0; i < 5; i++) {
        out += `<circle cx="${x + 19 + i * 12}" cy="${dy + 4}" r="4.5" fill="${i < card.rating ? LIGHT.muted : LIGHT.borderStrong}"/>`;
      }
      const meta = [
        card.status !== "open" ? card.status.replace("inProgress", "in progress") : "",
        card.owner,
      ]
        .filter(Boolean)
        .join(" · ");
      if (meta) out += text(x + 84, dy + 8, meta, 11, LIGHT.muted);
      return `${out}</g>`;
    },
  };
}

function stack(blocks: readonly Block[], gap: number): Block {
  const height = blocks.reduce((h, b) => h + b.height, 0) + gap * Math.max(0, blocks.length - 1);
  return {
    height,
    draw: (x, y, width) => {
      let out = "";
      let at = y;
      for (const block of blocks) {
        out += block.draw(x, at, width);
        at += block.height + gap;
      }
      return out;
    },
  };
}

const DASH: Block = { height: 20, draw: (x, y) => text(x, y + 15, "—", 14, LIGHT.faint) };

function cellBlock(map: JourneyMap, lane: Lane, column: Column, width: number): Block {
  if (column.kind !== "touchpoint") return { height: 0, draw: () => "" };
  const tp = column.touchpoint;
  if (lane.kind === "channels") {
    return { height: 22, draw: (x, y) => chip(CHANNEL_LABELS[tp.channel], x, y) };
  }
  if (lane.kind === "painPoints" || lane.kind === "opportunities") {
    const kind = lane.kind === "painPoints" ? "painPoint" : "opportunity";
    const cards = (map.cardsByTouchpoint.get(tp.id) ?? []).filter((c) => c.kind === kind);
    return cards.length === 0
      ? DASH
      : stack(
          cards.map((c) => cardBlock(c, width)),
          8,
        );
  }
  const cell = map.cells.get(cellRootName(lane.id, tp.id));
  if (!cell || cell.text.trim() === "") return DASH;
  return textBlock(cell.text, width, 13, lane.kind === "thoughts" ? LIGHT.muted : LIGHT.text, {
    italic: lane.kind === "thoughts",
    maxLines: 24,
  });
}

function stepBlock(column: Column, width: number): Block {
  if (column.kind !== "touchpoint") {
    return { height: 24, draw: (x, y) => text(x, y + 16, "No steps yet", 13, LIGHT.faint) };
  }
  const tp = column.touchpoint;
  const name = textBlock(tp.name, width, 16, LIGHT.text, { bold: true, maxLines: 4 });
  const action = tp.action ? textBlock(tp.action, width, 14, LIGHT.text, { maxLines: 6 }) : null;
  const team = tp.team ? textBlock(tp.team, width - 16, 12, LIGHT.muted, { maxLines: 2 }) : null;
  const parts: Block[] = [
    { height: 22, draw: (x, y) => chip(CHANNEL_LABELS[tp.channel], x, y) },
    name,
    ...(action ? [action] : []),
    ...(team
      ? [
          {
            height: team.height,
            draw: (x: number, y: number, w: number) =>
              `<circle cx="${x + 5}" cy="${y + 9}" r="3.5" fill="none" stroke="${LIGHT.muted}" stroke-width="1.3"/>${team.draw(x + 16, y, w)}`,
          },
        ]
      : []),
  ];
  return stack(parts, 8);
}

export function renderMapSvg(map: JourneyMap, options: RenderOptions = {}): RenderedMap {
  const all = boardColumns(map);
  const [from, to] = options.columns ?? [0, all.columns.length];
  const columns = all.columns.slice(from, to);
  const lanes = map.lanes.filter((l) => !l.hidden);
  const personas = map.personas;
  const boardW = LANE_W + columns.length * COL_W;
  const width = boardW + 2 * MARGIN;
  const inner = COL_W - 2 * GUTTER - 2 * CELL_PAD;
  const parts: string[] = [];
  let y = MARGIN;

  if (options.header !== false) {
    const title = textBlock(map.meta.title, Math.max(600, boardW), 28, LIGHT.text, {
      bold: true,
      maxLines: 2,
    });
    parts.push(title.draw(MARGIN, y, boardW));
    y += title.height + 6;
    if (map.meta.description) {
      const desc = textBlock(map.meta.description, Math.min(boardW, 960), 15, LIGHT.muted, {
        maxLines: 4,
      });
      parts.push(desc.draw(MARGIN, y, boardW));
      y += desc.height + 8;
    }
    let x = MARGIN;
    for (const p of personas) {
      const label = p.role ? `${p.name} · ${p.role}` : p.name;
      const w = estimateWidth(label, 13) + 44;
      if (x + w > MARGIN + boardW && x > MARGIN) {
        x = MARGIN;
        y += 34;
      }
      parts.push(
        `<rect x="${x}" y="${y + 4}" width="${w.toFixed(1)}" height="28" rx="14" fill="${LIGHT.surface}" stroke="${p.colour}" stroke-width="2"/>`,
        `<line x1="${x + 10}" y1="${y + 18}" x2="${x + 26}" y2="${y + 18}" stroke="${p.colour}" stroke-width="3" stroke-linecap="round"/>`,
        text(x + 32, y + 22.5, label, 13, LIGHT.text),
      );
      x += w + 8;
    }
    if (personas.length > 0) y += 44;
    y += 8;
  }

  const top = y;
  const colX = (i: number) => MARGIN + LANE_W + i * COL_W;
  // Phase bands.
  const bands: string[] = [];
  for (const span of all.spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.start + span.span, to);
    if (end <= start) continue;
    const x = colX(start - from) + GUTTER;
    const w = (end - start) * COL_W - 2 * GUTTER;
    const colour = span.phase.synthetic ? LIGHT.faint : span.phase.colour;
    bands.push(
      `<rect x="${x}" y="${y + 8}" width="${w}" height="${PHASE_H - 8}" rx="10" fill="${mixColour(LIGHT.surface, colour, 0.22)}"/>`,
      `<rect x="${x}" y="${y + 8}" width="${w}" height="4" rx="2" fill="${colour}"/>`,
      text(
        x + 14,
        y + 36,
        wrapText(span.phase.name, w - 60, 17, { bold: true, maxLines: 1 })[0] ?? "",
        17,
        LIGHT.text,
        'font-weight="700"',
      ),
      text(
        x + w - 14,
        y + 35,
        String(span.touchpoints.length),
        12,
        LIGHT.muted,
        'text-anchor="end"',
      ),
    );
  }
  y += PHASE_H;

  // Rows: steps, then every visible lane, each as tall as its tallest cell.
  interface Row {
    readonly label: string;
    readonly sub?: string;
    readonly height: number;
    readonly draw: (y: number) => string;
  }
  const rows: Row[] = [];
  const steps = columns.map((c) => stepBlock(c, inner - 16));
  const stepsH = Math.max(...steps.map((b) => b.height), 40) + 2 * CELL_PAD + 8;
  rows.push({
    label: "",
    height: stepsH,
    draw: (ry) =>
      columns
        .map((_, i) => {
          const x = colX(i) + GUTTER;
          const w = COL_W - 2 * GUTTER;
          return (
            `<rect x="${x + 4}" y="${ry + 6}" width="${w - 8}" height="${stepsH - 12}" rx="10" fill="${LIGHT.surface}" stroke="${LIGHT.border}"/>` +
            steps[i]!.draw(x + 4 + CELL_PAD, ry + 6 + CELL_PAD, inner - 16)
          );
        })
        .join(""),
  });
  for (const lane of lanes) {
    if (lane.kind === "emotions") {
      rows.push({
        label: lane.name,
        sub: "+3 delighted · −3 furious",
        height: EMOTION_H,
        draw: (ry) => emotionRow(map, columns, colX, ry),
      });
      continue;
    }
    const blocks = columns.map((c) => cellBlock(map, lane, c, inner));
    const labelH = wrapText(lane.name, LANE_W - 32, 14, { bold: true, maxLines: 3 }).length * 20;
    const h = Math.max(
      MIN_ROW_H,
      labelH + 2 * CELL_PAD,
      Math.max(...blocks.map((b) => b.height), 0) + 2 * CELL_PAD,
    );
    rows.push({
      label: lane.name,
      height: h,
      draw: (ry) =>
        blocks.map((b, i) => b.draw(colX(i) + GUTTER + CELL_PAD, ry + CELL_PAD, inner)).join(""),
    });
  }

  const bodyTop = y;
  const bodyH = rows.reduce((h, r) => h + r.height, 0);
  // Column tints: each column in its phase's colour, as on the board.
  const tints = columns
    .map((c, i) => {
      const colour = c.phase.synthetic ? LIGHT.faint : c.phase.colour;
      return `<rect x="${colX(i) + GUTTER}" y="${bodyTop}" width="${COL_W - 2 * GUTTER}" height="${bodyH}" fill="${mixColour(LIGHT.bg, colour, 0.08)}"/>`;
    })
    .join("");
  const rowParts: string[] = [];
  let ry = bodyTop;
  for (const row of rows) {
    rowParts.push(
      `<line x1="${MARGIN}" y1="${ry}" x2="${MARGIN + boardW}" y2="${ry}" stroke="${LIGHT.border}"/>`,
    );
    if (row.label) {
      const label = wrapText(row.label, LANE_W - 32, 14, { bold: true, maxLines: 3 });
      rowParts.push(lines(label, MARGIN + 16, ry + 10, 14, LIGHT.muted, 'font-weight="700"'));
      if (row.sub)
        rowParts.push(text(MARGIN + 16, ry + 16 + label.length * 20, row.sub, 11, LIGHT.faint));
    }
    rowParts.push(row.draw(ry));
    ry += row.height;
  }
  y = ry;
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
    ...rowParts,
    `<rect x="${MARGIN}" y="${top}" width="${boardW}" height="${y - top}" rx="4" fill="none" stroke="${LIGHT.border}"/>`,
    ...parts,
    "</svg>",
  ].join("");
  return { svg, width, height, columnCount: all.columns.length };
}

function emotionRow(
  map: JourneyMap,
  columns: readonly Column[],
  colX: (i: number) => number,
  top: number,
): string {
  const y0 = top + 10;
  const out: string[] = [];
  const x1 = colX(0);
  const x2 = colX(columns.length);
  for (let s = EMOTION_MIN; s <= EMOTION_MAX; s++) {
    const y = y0 + scoreToY(s, CURVE);
    out.push(
      `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${s === 0 ? LIGHT.borderStrong : LIGHT.border}"${s === 0 ? ' stroke-dasharray="4 4"' : ""}/>`,
    );
  }
  const [first] = map.personas;
  for (const persona of [...map.personas].reverse()) {
    const points = columns.flatMap((c, i) => {
      if (c.kind !== "touchpoint") return [];
      const point = map.emotions.get(emotionKey(persona.id, c.touchpoint.id));
      return point
        ? [{ x: colX(i) + COL_W / 2, y: y0 + scoreToY(point.score, CURVE), score: point.score }]
        : [];
    });
    const path = curvePath(points);
    const primary = persona.id === first?.id;
    if (path) {
      out.push(
        `<path d="${path}" fill="none" stroke="${persona.colour}" stroke-width="${primary ? 3 : 2}"${primary ? "" : ' stroke-dasharray="7 5"'} stroke-linecap="round"/>`,
      );
    }
    for (const p of points) {
      const label = `${p.score > 0 ? "+" : ""}${p.score}`;
      out.push(
        `<circle cx="${p.x}" cy="${p.y}" r="${primary ? 12 : 9}" fill="${SENTIMENT[p.score]}" stroke="${LIGHT.surface}" stroke-width="2"/>`,
        text(
          p.x,
          p.y + (primary ? 4 : 3.5),
          label,
          primary ? 11 : 9,
          ON_SENTIMENT(p.score),
          'font-weight="700" text-anchor="middle"',
        ),
      );
    }
  }
  if (first) {
    columns.forEach((c, i) => {
      if (c.kind !== "touchpoint") return;
      const point = map.emotions.get(emotionKey(first.id, c.touchpoint.id));
      if (!point) return;
      const label = `${point.score > 0 ? "+" : ""}${point.score} ${EMOTION_LABELS[point.score] ?? ""}`;
      out.push(
        text(
          colX(i) + COL_W / 2,
          top + EMOTION_H - 12,
          label,
          12,
          LIGHT.muted,
          'text-anchor="middle"',
        ),
      );
    });
  }
  return out.join("");
}
