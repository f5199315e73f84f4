/**
 * Layout primitives of the exported map: SVG text, and blocks that know their height before
 * they are drawn, so a row can be as tall as its tallest cell.
 */
import { LIGHT } from "./mapSvgStyle.ts";
import { escapeXml, estimateWidth, wrapText } from "./svgText.ts";

export interface Block {
  readonly height: number;
  readonly draw: (x: number, y: number, width: number) => string;
}

export const text = (
  x: number,
  y: number,
  content: string,
  size: number,
  fill: string = LIGHT.text,
  extra = "",
) =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" fill="${fill}"${extra ? ` ${extra}` : ""}>${escapeXml(content)}</text>`;

export function lines(
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

export function textBlock(
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

export function chip(label: string, x: number, y: number): string {
  const w = estimateWidth(label, 12) + 20;
  return `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="22" rx="11" fill="${LIGHT.surfaceMuted}" stroke="${LIGHT.border}"/>${text(x + 10, y + 15.5, label, 12, LIGHT.muted)}`;
}

export function stack(blocks: readonly Block[], gap: number): Block {
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

/** An empty cell. */
export const DASH: Block = { height: 20, draw: (x, y) => text(x, y + 15, "—", 14, LIGHT.faint) };
