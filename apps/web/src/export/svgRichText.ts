/**
 * A cell's rich text (the schema's readRichBlocks tree) as a block of the exported map: words
 * wrapped by estimated width like plain text (svgText.ts), bold and italic runs as tspans,
 * links underlined in the link colour, and list items behind a bullet or their number. PNG
 * and PDF are rasterized from this SVG, so all three show the same formatting.
 */
import type { RichBlock, RichInline } from "@journeymap/schema";
import type { Block } from "./svgBlocks.ts";
import { escapeXml, estimateWidth } from "./svgText.ts";

/** The link colour of the light theme (tokens.css --accent). */
const LINK = "#2563eb";
/** How far each list level moves its text right, in px; its marker sits in that gap. */
const LIST_INDENT = 18;

interface Segment {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly link: boolean;
}

interface Line {
  readonly indent: number;
  readonly marker: string | null;
  readonly segments: readonly Segment[];
}

export interface RichTextStyle {
  readonly size: number;
  readonly fill: string;
  /** Everything italic (the thoughts lane). */
  readonly italic?: boolean;
  readonly maxLines?: number;
}

const widthOf = (segments: readonly Segment[], size: number) =>
  segments.reduce((w, s) => w + estimateWidth(s.text, size, s.bold), 0);

const sameLook = (a: Segment, b: Segment) =>
  a.bold === b.bold && a.italic === b.italic && a.link === b.link;

/** Appends text to segments, growing the last one when it looks the same. */
function appendText(segments: readonly Segment[], look: Segment, text: string): Segment[] {
  const last = segments.at(-1);
  return last && sameLook(last, look)
    ? [...segments.slice(0, -1), { ...last, text: last.text + text }]
    : [...segments, { ...look, text }];
}

/** The inlines as words (each a list of styled pieces: "**bo**ld" is one word) and hard breaks. */
function wordsOf(inlines: readonly RichInline[], italic: boolean): (Segment[] | "break")[] {
  const out: (Segment[] | "break")[] = [];
  let word: Segment[] = [];
  const endWord = () => {
    if (word.length > 0) out.push(word);
    word = [];
  };
  for (const inline of inlines) {
    if (inline.kind === "break") {
      endWord();
      out.push("break");
      continue;
    }
    const look = { bold: inline.bold, italic: italic || inline.italic, link: inline.href !== null };
    for (const piece of inline.text.split(/(\s+)/)) {
      if (piece === "") continue;
      if (/^\s+$/.test(piece)) endWord();
      else word.push({ text: piece, ...look });
    }
  }
  endWord();
  return out;
}

/** A word wider than a line, cut into pieces that fit (the plain wrapper does the same). */
function cutWord(word: readonly Segment[], width: number, size: number): Segment[][] {
  const chunks: Segment[][] = [];
  let chunk: Segment[] = [];
  for (const seg of word) {
    for (const ch of seg.text) {
      const next = appendText(chunk, seg, ch);
      if (chunk.length > 0 && widthOf(next, size) > width) {
        chunks.push(chunk);
        chunk = [{ ...seg, text: ch }];
      } else chunk = next;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function paragraphLines(
  inlines: readonly RichInline[],
  width: number,
  size: number,
  italic: boolean,
  indent: number,
  marker: string | null,
): Line[] {
  const avail = Math.max(size, width - indent);
  const space: Segment = { text: " ", bold: false, italic, link: false };
  const lines: Line[] = [];
  let segments: Segment[] = [];
  const endLine = () => {
    lines.push({ indent, marker: lines.length === 0 ? marker : null, segments });
    segments = [];
  };
  for (const word of wordsOf(inlines, italic)) {
    if (word === "break") {
      endLine();
      continue;
    }
    for (const piece of widthOf(word, size) > avail ? cutWord(word, avail, size) : [word]) {
      const last = segments.at(-1);
      // The space between words takes their look when they share it (a link's underline runs
      // on), else it is plain (an underline or bold run stops at its word).
      const join = last && sameLook(last, piece[0]!) ? last : space;
      const spaced = last ? appendText(segments, join, " ") : segments;
      const joined = piece.reduce((acc, seg) => appendText(acc, seg, seg.text), spaced);
      if (last && widthOf(joined, size) > avail) {
        endLine();
        segments = piece.reduce((acc, seg) => appendText(acc, seg, seg.text), [] as Segment[]);
      } else segments = joined;
    }
  }
  endLine();
  return lines;
}

function blockLines(
  blocks: readonly RichBlock[],
  width: number,
  size: number,
  italic: boolean,
  indent = 0,
  firstMarker: string | null = null,
): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    const marker = lines.length === 0 ? firstMarker : null;
    if (block.kind === "paragraph") {
      lines.push(...paragraphLines(block.inlines, width, size, italic, indent, marker));
      continue;
    }
    for (const [i, item] of block.items.entries()) {
      const itemMarker = block.ordered ? `${block.start + i}.` : "•";
      const itemIndent = indent + LIST_INDENT;
      const itemLines = blockLines(item, width, size, italic, itemIndent, itemMarker);
      // An empty item still shows its bullet.
      if (itemLines.length === 0)
        itemLines.push({ indent: itemIndent, marker: itemMarker, segments: [] });
      lines.push(...itemLines);
    }
  }
  return lines;
}

/** Cuts the lines to `maxLines`, the last one shortened to end with an ellipsis. */
function clampLines(lines: Line[], maxLines: number, width: number, size: number): Line[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  const ellipsis: Segment = { text: "…", bold: false, italic: false, link: false };
  let segments = [...last.segments];
  while (segments.length > 0 && widthOf([...segments, ellipsis], size) > width - last.indent) {
    const end = segments.at(-1)!;
    segments =
      end.text.length > 1
        ? [...segments.slice(0, -1), { ...end, text: end.text.slice(0, -1) }]
        : segments.slice(0, -1);
  }
  kept[maxLines - 1] = { ...last, segments: [...segments, ellipsis] };
  return kept;
}

function tspan(segment: Segment): string {
  const attrs = [
    segment.bold ? 'font-weight="700"' : "",
    segment.italic ? 'font-style="italic"' : "",
    segment.link ? `fill="${LINK}" text-decoration="underline"` : "",
  ].filter(Boolean);
  const text = escapeXml(segment.text);
  return attrs.length === 0 ? text : `<tspan ${attrs.join(" ")}>${text}</tspan>`;
}

export function richTextBlock(
  blocks: readonly RichBlock[],
  width: number,
  { size, fill, italic = false, maxLines = 16 }: RichTextStyle,
): Block {
  const lines = clampLines(blockLines(blocks, width, size, italic), maxLines, width, size);
  const lineH = Math.round(size * 1.4);
  const textAt = (x: number, baseline: string, extra: string, body: string) =>
    `<text x="${x.toFixed(1)}" y="${baseline}" font-size="${size}" fill="${fill}"${extra}>${body}</text>`;
  return {
    height: lines.length * lineH,
    draw: (x, y) =>
      lines
        .map((line, i) => {
          const baseline = (y + size + i * lineH).toFixed(1);
          const marker = line.marker
            ? textAt(x + line.indent - 5, baseline, ' text-anchor="end"', escapeXml(line.marker))
            : "";
          const body = line.segments.map(tspan).join("");
          return body === "" ? marker : marker + textAt(x + line.indent, baseline, "", body);
        })
        .join(""),
  };
}
