/** The emotion lane of the exported map: the scale, each persona's curve and the first persona's labels. */
import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  emotionKey,
  type JourneyMap,
} from "@journeymap/schema";
import type { Column } from "../board/columns.ts";
import { curvePath, scoreToY } from "../board/curve.ts";
import { COL_W, CURVE, EMOTION_H, LIGHT, onSentiment, SENTIMENT } from "./mapSvgStyle.ts";
import { text } from "./svgBlocks.ts";

export function emotionRow(
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
          onSentiment(p.score),
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
