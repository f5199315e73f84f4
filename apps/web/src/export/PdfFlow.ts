/**
 * Flowing text for PDF pages with pdf-lib: paragraphs wrapped by the font's real metrics,
 * poured into columns and onto new pages as they fill. Type sizes grow with the paper (an A3
 * page is read from further away than a letter), and every page gets a footer with
 * "page n of N" once the document is complete.
 */
import { type PDFDocument, type PDFPage, rgb, type RGB } from "pdf-lib";
import { drawLine, type Fonts, textWidth, wrapLines } from "./pdfText.ts";
import { typeset } from "./typography.ts";

export const PAPER = {
  A3: [1190.55, 841.89],
  A4: [841.89, 595.28],
} as const;
export type Paper = keyof typeof PAPER;

/** Text sizes are given for A4; A3 prints them this much larger, in proportion to its width. */
const TYPE_SCALE: Record<Paper, number> = { A3: 1.3, A4: 1 };

export const INK = {
  text: rgb(0x1c / 255, 0x23 / 255, 0x30 / 255),
  muted: rgb(0x5b / 255, 0x64 / 255, 0x72 / 255),
  faint: rgb(0x8a / 255, 0x93 / 255, 0xa1 / 255),
  rule: rgb(0xe2 / 255, 0xe5 / 255, 0xea / 255),
  pain: rgb(0xf9 / 255, 0x73 / 255, 0x16 / 255),
} as const;

/** A #rrggbb colour (a persona's) for pdf-lib. */
export function hexColour(hex: string): RGB {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

export interface TextStyle {
  /** Size in points on A4 (scaled up on A3). */
  readonly size?: number;
  readonly font?: Exclude<keyof Fonts, "symbol">;
  readonly colour?: RGB;
  readonly indent?: number;
  /** Space after the paragraph, in points. */
  readonly after?: number;
}

/** One cell of a table row: its text and, when not the row's, its own colour. */
export interface TableCell {
  readonly text: string;
  readonly colour?: RGB;
}

export class PdfFlow {
  readonly margin = 40;
  readonly fonts: Fonts;
  /** Multiplier from A4 type sizes to this paper's. */
  readonly scale: number;
  private readonly doc: PDFDocument;
  private readonly size: readonly [number, number];
  /** How many columns of text the paper holds. */
  readonly maxColumns: number;
  private readonly footer: string;
  private readonly gap = 32;
  private columns = 1;
  private page: PDFPage | null = null;
  private column = 0;
  private y = 0;
  /** Where columns start on the current page (below a section title). */
  private sectionTop = 0;
  constructor(doc: PDFDocument, fonts: Fonts, paper: Paper, footer: string) {
    this.doc = doc;
    this.fonts = fonts;
    this.size = PAPER[paper];
    this.scale = TYPE_SCALE[paper];
    this.maxColumns = paper === "A3" ? 3 : 2;
    this.columns = this.maxColumns;
    this.footer = footer;
  }

  get pageSize(): readonly [number, number] {
    return this.size;
  }

  get columnWidth(): number {
    const inner = this.size[0] - 2 * this.margin;
    return (inner - (this.columns - 1) * this.gap) / this.columns;
  }

  /** Draws one line of text at a position (for fixed layouts such as the map pages). */
  line(page: PDFPage, text: string, x: number, y: number, style: TextStyle = {}): number {
    return drawLine(page, typeset(text), this.fonts.symbol, {
      x,
      y,
      size: (style.size ?? 10) * this.scale,
      font: this.fonts[style.font ?? "regular"],
      color: style.colour ?? INK.text,
    });
  }

  /** The width `line` would draw. */
  widthOf(text: string, style: TextStyle = {}): number {
    const font = this.fonts[style.font ?? "regular"];
    return textWidth(typeset(text), font, this.fonts.symbol, (style.size ?? 10) * this.scale);
  }

  /**
   * Starts a new page with a section title and a rule across the page; the text below flows
   * in `columns` columns (at most what the paper holds), so short sections use the width.
   */
  section(title: string, subtitle = "", columns = this.maxColumns): void {
    this.newPage();
    this.columns = Math.max(1, Math.min(columns, this.maxColumns));
    const page = this.page!;
    const top = this.size[1] - this.margin;
    const titleSize = 22 * this.scale;
    this.line(page, title, this.margin, top - titleSize, { size: 22, font: "bold" });
    let y = top - titleSize - 8;
    if (subtitle) {
      y -= 12 * this.scale;
      this.line(page, subtitle, this.margin, y, { size: 11, colour: INK.muted });
      y -= 8;
    }
    page.drawLine({
      start: { x: this.margin, y },
      end: { x: this.size[0] - this.margin, y },
      thickness: 1,
      color: INK.rule,
    });
    this.y = y - 10 * this.scale;
    this.sectionTop = this.y;
  }

  embedPng(png: Uint8Array) {
    return this.doc.embedPng(png);
  }

  /** A new page; text continues in its first column. */
  newPage(): PDFPage {
    this.page = this.doc.addPage([...this.size]);
    this.column = 0;
    this.y = this.size[1] - this.margin;
    this.sectionTop = this.y;
    return this.page;
  }

  /** Continues in the next column (or page), e.g. one persona per column. */
  nextColumn(): void {
    if (this.column < this.columns - 1) {
      this.column += 1;
      this.y = this.sectionTop;
    } else {
      this.newPage();
    }
  }

  /** Footers on every page, once the page count is known. */
  finish(): void {
    const pages = this.doc.getPages();
    for (const [i, page] of pages.entries()) {
      const style = { size: 8, colour: INK.faint };
      this.line(page, this.footer, this.margin, this.margin / 2, style);
      const number = `${i + 1} / ${pages.length}`;
      const x = this.size[0] - this.margin - this.widthOf(number, style);
      this.line(page, number, x, this.margin / 2, style);
    }
  }

  private ensure(height: number): void {
    if (!this.page) this.newPage();
    if (this.y - height >= this.margin) return;
    this.nextColumn();
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = (style.size ?? 10) * this.scale;
    const font = this.fonts[style.font ?? "regular"];
    const indent = (style.indent ?? 0) * this.scale;
    const lineH = size * 1.4;
    const lines = wrapLines(
      typeset(text),
      font,
      this.fonts.symbol,
      size,
      this.columnWidth - indent,
    );
    for (const line of lines) {
      this.ensure(lineH);
      this.y -= lineH;
      drawLine(this.page!, line, this.fonts.symbol, {
        x: this.margin + this.column * (this.columnWidth + this.gap) + indent,
        y: this.y + size * 0.3,
        size,
        font,
        color: style.colour ?? INK.text,
      });
    }
    this.y -= (style.after ?? 4) * this.scale;
  }

  heading(text: string): void {
    this.ensure(44 * this.scale); // keep a heading with at least a line of what follows
    this.y -= 8 * this.scale;
    this.paragraph(text, { size: 13, font: "bold", after: 5 });
  }

  /** A short bar in a colour in the current column, e.g. a persona's under its name. */
  accent(colour: RGB): void {
    this.ensure(8 * this.scale);
    const x = this.margin + this.column * (this.columnWidth + this.gap);
    const y = this.y + 2 * this.scale;
    const end = { x: x + 48 * this.scale, y };
    this.page!.drawLine({ start: { x, y }, end, thickness: 3 * this.scale, color: colour });
    this.y -= 8 * this.scale;
  }

  /**
   * One row of a table in the current column, with a hairline under it: the first cell
   * left-aligned, the others right-aligned so figures line up; `widths` are fractions of the
   * column (the first cell's text is cut to its width, with an ellipsis).
   */
  tableRow(cells: readonly TableCell[], widths: readonly number[], style: TextStyle = {}): void {
    const size = (style.size ?? 9.5) * this.scale;
    const lineH = size * 1.75;
    this.ensure(lineH);
    this.y -= lineH;
    const left = this.margin + this.column * (this.columnWidth + this.gap);
    const indent = (style.indent ?? 0) * this.scale;
    let x = left;
    for (const [i, cell] of cells.entries()) {
      const width = (widths[i] ?? 0) * this.columnWidth;
      const cellStyle = { ...style, colour: cell.colour ?? style.colour };
      if (i === 0) {
        const fitted = this.fit(cell.text, width - indent - 4 * this.scale, cellStyle);
        this.line(this.page!, fitted, x + indent, this.y + size * 0.45, cellStyle);
      } else {
        const textX = x + width - this.widthOf(cell.text, cellStyle);
        this.line(this.page!, cell.text, textX, this.y + size * 0.45, cellStyle);
      }
      x += width;
    }
    this.page!.drawLine({
      start: { x: left, y: this.y },
      end: { x: left + this.columnWidth, y: this.y },
      thickness: 0.5,
      color: INK.rule,
    });
  }

  /** `text`, or as much of it as fits in `width` followed by an ellipsis. */
  private fit(text: string, width: number, style: TextStyle): string {
    if (this.widthOf(text, style) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.widthOf(`${cut}…`, style) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  space(points: number): void {
    this.y -= points * this.scale;
  }
}
