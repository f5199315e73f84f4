/**
 * Flowing text for PDF pages with pdf-lib: paragraphs wrapped by the font's real metrics,
 * poured into columns and onto new pages as they fill, with a running footer. The standard
 * PDF fonts only encode WinAnsi, so other characters are replaced by close equivalents
 * (− → -, → → ->) or "?" rather than failing the export.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb, type RGB } from "pdf-lib";

export const PAPER = {
  A3: [1190.55, 841.89],
  A4: [841.89, 595.28],
} as const;
export type Paper = keyof typeof PAPER;

export const INK = {
  text: rgb(0x1c / 255, 0x23 / 255, 0x30 / 255),
  muted: rgb(0x5b / 255, 0x64 / 255, 0x72 / 255),
  faint: rgb(0x8a / 255, 0x93 / 255, 0xa1 / 255),
  rule: rgb(0xe2 / 255, 0xe5 / 255, 0xea / 255),
  pain: rgb(0xf9 / 255, 0x73 / 255, 0x16 / 255),
} as const;

const REPLACEMENTS: Record<string, string> = {
  "−": "-",
  "→": "->",
  "←": "<-",
  "≤": "<=",
  "≥": ">=",
  "✓": "v",
  "\u00a0": " ",
  "\t": "  ",
};

export function toWinAnsi(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text) {
    if (ch === "\n" || supported.has(ch.codePointAt(0)!)) out += ch;
    else out += REPLACEMENTS[ch] ?? "?";
  }
  return out;
}

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
}

export interface TextStyle {
  readonly size?: number;
  readonly font?: keyof Fonts;
  readonly colour?: RGB;
  readonly indent?: number;
  /** Space after the paragraph, in points. */
  readonly after?: number;
}

export class PdfFlow {
  readonly margin = 40;
  private readonly doc: PDFDocument;
  private readonly fonts: Fonts;
  private readonly size: readonly [number, number];
  private readonly columns: number;
  private readonly footer: string;
  private readonly gap = 28;
  private page: PDFPage | null = null;
  private column = 0;
  private y = 0;
  /** Where columns start on the current page (below a section title). */
  private sectionTop = 0;
  constructor(doc: PDFDocument, fonts: Fonts, paper: Paper, footer: string) {
    this.doc = doc;
    this.fonts = fonts;
    this.size = PAPER[paper];
    this.columns = paper === "A3" ? 3 : 2;
    this.footer = footer;
  }

  get columnWidth(): number {
    const inner = this.size[0] - 2 * this.margin;
    return (inner - (this.columns - 1) * this.gap) / this.columns;
  }

  /** Starts a new page with a section title across all columns. */
  section(title: string, subtitle = ""): void {
    this.newPage();
    const page = this.page!;
    const top = this.size[1] - this.margin;
    page.drawText(toWinAnsi(title, this.fonts.bold), {
      x: this.margin,
      y: top - 20,
      size: 20,
      font: this.fonts.bold,
      color: INK.text,
    });
    if (subtitle) {
      page.drawText(toWinAnsi(subtitle, this.fonts.regular), {
        x: this.margin,
        y: top - 38,
        size: 10,
        font: this.fonts.regular,
        color: INK.muted,
      });
    }
    this.y = top - (subtitle ? 60 : 44);
    this.sectionTop = this.y;
  }

  /** A new page (with the footer); text continues in its first column. */
  newPage(): PDFPage {
    this.page = this.doc.addPage([...this.size]);
    this.column = 0;
    this.y = this.size[1] - this.margin;
    this.sectionTop = this.y;
    const n = this.doc.getPageCount();
    this.page.drawText(toWinAnsi(`${this.footer} · page ${n}`, this.fonts.regular), {
      x: this.margin,
      y: this.margin / 2,
      size: 8,
      font: this.fonts.regular,
      color: INK.faint,
    });
    return this.page;
  }

  get pageSize(): readonly [number, number] {
    return this.size;
  }

  private ensure(height: number): void {
    if (!this.page) this.newPage();
    if (this.y - height >= this.margin) return;
    if (this.column < this.columns - 1) {
      this.column += 1;
      this.y = this.sectionTop;
    } else {
      this.newPage();
    }
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const paragraph of toWinAnsi(text, font).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line);
    }
    return out;
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.fonts[style.font ?? "regular"];
    const indent = style.indent ?? 0;
    const lineH = size * 1.35;
    for (const line of this.wrap(text, font, size, this.columnWidth - indent)) {
      this.ensure(lineH);
      this.y -= lineH;
      this.page!.drawText(line, {
        x: this.margin + this.column * (this.columnWidth + this.gap) + indent,
        y: this.y + size * 0.3,
        size,
        font,
        color: style.colour ?? INK.text,
      });
    }
    this.y -= style.after ?? 4;
  }

  heading(text: string): void {
    this.ensure(40); // keep a heading with at least a line of what follows
    this.y -= 6;
    this.paragraph(text, { size: 13, font: "bold", after: 4 });
  }

  space(points: number): void {
    this.y -= points;
  }
}
