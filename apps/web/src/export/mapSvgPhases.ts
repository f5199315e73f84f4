/** The phase bands over the exported board's columns [from, to). */
import type { PhaseSpan } from "../board/columns.ts";
import { COL_W, GUTTER, LIGHT, PHASE_H } from "./mapSvgStyle.ts";
import { text } from "./svgBlocks.ts";
import { mixColour, wrapText } from "./svgText.ts";

export function drawPhaseBands(
  spans: readonly PhaseSpan[],
  [from, to]: readonly [number, number],
  colX: (i: number) => number,
  y: number,
): string[] {
  const bands: string[] = [];
  for (const span of spans) {
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
  return bands;
}
