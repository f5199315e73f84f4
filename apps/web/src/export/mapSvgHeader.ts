/** Above the exported board: the map's title, its scenario and the persona legend. */
import type { JourneyMap } from "@journeymap/schema";
import { LIGHT, MARGIN } from "./mapSvgStyle.ts";
import { text, textBlock } from "./svgBlocks.ts";
import { estimateWidth } from "./svgText.ts";

/** Draws the header from `top` across `boardW`; returns its SVG and where the board starts. */
export function drawHeader(
  map: JourneyMap,
  boardW: number,
  top: number,
): { readonly svg: string[]; readonly bottom: number } {
  const parts: string[] = [];
  let y = top;
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
  for (const p of map.personas) {
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
  if (map.personas.length > 0) y += 44;
  return { svg: parts, bottom: y + 8 };
}
