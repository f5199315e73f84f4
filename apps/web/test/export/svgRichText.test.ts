import {
  MapEditor,
  type RichBlock,
  type RichTextNode,
  readJourneyMap,
  writeRichText,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { renderMapSvg } from "../../src/export/renderMapSvg.ts";
import { richTextBlock } from "../../src/export/svgRichText.ts";
import { templateMap } from "../support/templateMap.ts";

const text = (t: string, ...marks: string[]): RichTextNode => ({
  type: "text",
  text: t,
  marks: marks.map((type) => ({
    type,
    attrs: type === "link" ? { href: "https://example.com" } : {},
  })),
});
const el = (type: string, ...children: RichTextNode[]): RichTextNode => ({
  type,
  attrs: {},
  children,
});
const run = (t: string, look: { bold?: boolean; italic?: boolean } = {}) => ({
  kind: "text" as const,
  text: t,
  bold: look.bold ?? false,
  italic: look.italic ?? false,
  href: null,
});

describe("rich text in the exported map", () => {
  it("draws a cell's bold, italic, link and list items, not its plain text", () => {
    const { doc, map } = templateMap("ecommerce-purchase");
    const lane = map.lanes.find((l) => l.kind === "actions")!;
    const tp = map.touchpoints[0]!;
    const editor = new MapEditor(doc);
    doc.transact(() =>
      writeRichText(editor.cellFragment(lane.id, tp.id), [
        el("paragraph", text("Pay "), text("now", "bold"), text(" or "), text("later", "italic")),
        el(
          "bulletList",
          el("listItem", el("paragraph", text("first"))),
          el("listItem", el("paragraph", text("see "), text("help docs", "link"))),
        ),
        el("orderedList", el("listItem", el("paragraph", text("one")))),
      ]),
    );
    const { svg } = renderMapSvg(readJourneyMap(doc));
    expect(svg).toContain(
      '>Pay <tspan font-weight="700">now</tspan> or <tspan font-style="italic">later</tspan></text>',
    );
    expect(svg).toMatch(/text-anchor="end">•<\/text><text [^>]*>first<\/text>/);
    expect(svg).toContain(
      'see <tspan fill="#2563eb" text-decoration="underline">help docs</tspan></text>',
    );
    expect(svg).toMatch(/text-anchor="end">1\.<\/text><text [^>]*>one<\/text>/);
  });

  it("wraps styled words by width, indents list text and clamps with an ellipsis", () => {
    const words = Array.from({ length: 40 }, (_, i) => run(`word${i} `, { bold: i % 2 === 0 }));
    const blocks: RichBlock[] = [
      { kind: "list", ordered: false, start: 1, items: [[{ kind: "paragraph", inlines: words }]] },
    ];
    const block = richTextBlock(blocks, 196, { size: 13, fill: "#000", maxLines: 4 });
    expect(block.height).toBe(4 * Math.round(13 * 1.4));
    const svg = block.draw(10, 0, 196);
    const bodies = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>((?:(?!<\/text>).)*)<\/text>/g)];
    // One bullet, then four lines of text all at the list's indent.
    expect(bodies.filter((m) => m[2] === "•")).toHaveLength(1);
    const lines = bodies.filter((m) => m[2] !== "•");
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((m) => m[1]))).toEqual(new Set(["28.0"]));
    expect(lines.at(-1)![2]).toMatch(/…$/);
  });
});
