/**
 * Text on PDF pages with the standard fonts. They encode only WinAnsi, which has curly quotes,
 * dashes and bullets but no arrows: those are drawn from the Symbol font in the same line,
 * and anything neither font has becomes a close equivalent or "?" rather than failing.
 */
import type { PDFFont, PDFPage, RGB } from "pdf-lib";

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
  /** For arrows and maths signs (→ ← ≤ ≥ −) that Helvetica lacks. */
  readonly symbol: PDFFont;
}

const REPLACEMENTS: Record<string, string> = {
  "✓": "v",
  "\u00a0": " ",
  "\t": "  ",
};

interface Run {
  readonly text: string;
  readonly font: PDFFont;
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
function supports(font: PDFFont, ch: string): boolean {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set.has(ch.codePointAt(0)!);
}

/** The line as runs of one font each. */
function runsOf(text: string, font: PDFFont, symbol: PDFFont): Run[] {
  const runs: { text: string; font: PDFFont }[] = [];
  for (const raw of text) {
    let ch = raw;
    let chFont = font;
    if (!supports(font, ch)) {
      if (supports(symbol, ch)) chFont = symbol;
      else ch = REPLACEMENTS[ch] ?? "?";
    }
    const last = runs.at(-1);
    if (last && last.font === chFont) last.text += ch;
    else runs.push({ text: ch, font: chFont });
  }
  return runs;
}

export function textWidth(text: string, font: PDFFont, symbol: PDFFont, size: number): number {
  return runsOf(text, font, symbol).reduce(
    (w, run) => w + run.font.widthOfTextAtSize(run.text, size),
    0,
  );
}

export interface LineStyle {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly font: PDFFont;
  readonly color: RGB;
}

/** Draws one line (no wrapping) from its runs; returns its width. */
export function drawLine(page: PDFPage, text: string, symbol: PDFFont, style: LineStyle): number {
  let x = style.x;
  for (const run of runsOf(text, style.font, symbol)) {
    page.drawText(run.text, { ...style, x, font: run.font });
    x += run.font.widthOfTextAtSize(run.text, style.size);
  }
  return x - style.x;
}

/** Words wrapped into lines no wider than `width` (a word longer than a line is cut). */
export function wrapLines(
  text: string,
  font: PDFFont,
  symbol: PDFFont,
  size: number,
  width: number,
): string[] {
  const fits = (s: string) => textWidth(s, font, symbol, size) <= width;
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (!fits(rest) && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}
