import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  isRichBlocksEmpty,
  type RichBlock,
  RICH_LIMITS,
  type RichTextNode,
  readRichBlocks,
  safeHref,
  writeRichText,
} from "../src/index.ts";

const text = (t: string, ...marks: [string, Record<string, unknown>?][]): RichTextNode => ({
  type: "text",
  text: t,
  marks: marks.map(([type, attrs]) => ({ type, attrs: attrs ?? {} })),
});
const el = (type: string, children: RichTextNode[], attrs = {}): RichTextNode => ({
  type,
  attrs,
  children,
});
const p = (...children: RichTextNode[]) => el("paragraph", children);
const li = (...children: RichTextNode[]) => el("listItem", children);
const run = (t: string, look: { bold?: boolean; italic?: boolean; href?: string } = {}) => ({
  kind: "text",
  text: t,
  bold: look.bold ?? false,
  italic: look.italic ?? false,
  href: look.href ?? null,
});

/** The nodes written into a fragment the way y-tiptap stores them, and read back. */
function viaFragment(nodes: RichTextNode[]): RichBlock[] {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("cell");
  doc.transact(() => writeRichText(fragment, nodes));
  return readRichBlocks(fragment);
}

describe("readRichBlocks: what a cell shows", () => {
  it("reads paragraphs with bold, italic and links from a Y.XmlFragment", () => {
    const blocks = viaFragment([
      p(
        text("Pay "),
        text("now", ["bold"]),
        text(" or "),
        text("later", ["italic"], ["bold"]),
        text(" at "),
        text("our page", ["link", { href: "https://example.com/pay", target: "_blank" }]),
      ),
      p(text("Second line")),
    ]);
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        inlines: [
          run("Pay "),
          run("now", { bold: true }),
          run(" or "),
          run("later", { bold: true, italic: true }),
          run(" at "),
          run("our page", { href: "https://example.com/pay" }),
        ],
      },
      { kind: "paragraph", inlines: [run("Second line")] },
    ]);
  });

  it("reads bullet and numbered lists, nested, with their start number", () => {
    const blocks = viaFragment([
      el("bulletList", [
        li(p(text("one"))),
        li(p(text("two")), el("orderedList", [li(p(text("a")))], { start: 3 })),
      ]),
    ]);
    expect(blocks).toEqual([
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [
          [{ kind: "paragraph", inlines: [run("one")] }],
          [
            { kind: "paragraph", inlines: [run("two")] },
            {
              kind: "list",
              ordered: true,
              start: 3,
              items: [[{ kind: "paragraph", inlines: [run("a")] }]],
            },
          ],
        ],
      },
    ]);
  });

  it("drops the blank paragraph the editor keeps after a list, and merges equal runs", () => {
    const blocks = viaFragment([
      p(),
      el("bulletList", [li(p(text("a", ["bold"]), text("b", ["bold"])))]),
      p(),
    ]);
    expect(blocks).toEqual([
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [[{ kind: "paragraph", inlines: [run("ab", { bold: true })] }]],
      },
    ]);
    expect(isRichBlocksEmpty(viaFragment([p(), p(text("  "))]))).toBe(true);
  });

  it("reads headings, quotes and code as paragraphs and keeps hard breaks", () => {
    const blocks = viaFragment([
      el("heading", [text("Title")], { level: 1 }),
      el("blockquote", [p(text("quoted"), el("hardBreak", []), text("on"))]),
      el("horizontalRule", []),
    ]);
    expect(blocks).toEqual([
      { kind: "paragraph", inlines: [run("Title")] },
      { kind: "paragraph", inlines: [run("quoted"), { kind: "break" }, run("on")] },
    ]);
  });
});

describe("readRichBlocks on hostile content", () => {
  it("keeps the text of a javascript:, data: or relative link but not the link", () => {
    for (const href of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "/relative",
      "//evil.example",
      42,
      null,
    ]) {
      const blocks = viaFragment([p(text("click", ["link", { href }]))]);
      expect(blocks).toEqual([{ kind: "paragraph", inlines: [run("click")] }]);
    }
  });

  it("turns unknown elements into their text, never into markup", () => {
    const blocks = readRichBlocks([
      el("script", [text("alert(1)")]),
      el("paragraph", [el("img", [], { src: "x", onerror: "alert(1)" }), text("<b>hi</b>")]),
      text("loose"),
    ]);
    expect(blocks).toEqual([
      { kind: "paragraph", inlines: [run("alert(1)")] },
      { kind: "paragraph", inlines: [run("<b>hi</b>")] },
      { kind: "paragraph", inlines: [run("loose")] },
    ]);
  });

  it("flattens lists nested deeper than the limit and survives 10 000 levels of nesting", () => {
    let list: RichTextNode = el("bulletList", [li(p(text("deepest")))]);
    for (let i = 0; i < 10; i++) list = el("bulletList", [li(p(text(`level ${i}`)), list)]);
    const depthOf = (blocks: readonly RichBlock[]): number =>
      Math.max(
        0,
        ...blocks.map((b) => (b.kind === "list" ? 1 + Math.max(0, ...b.items.map(depthOf)) : 0)),
      );
    const shown = readRichBlocks([list]);
    expect(depthOf(shown)).toBe(RICH_LIMITS.listDepth);
    expect(JSON.stringify(shown)).toContain("level 0");

    let deep: RichTextNode = text("bottom");
    for (let i = 0; i < 10_000; i++) deep = el("blockquote", [deep]);
    expect(() => readRichBlocks([deep])).not.toThrow();
    expect(JSON.stringify(viaFragment([deep]))).not.toContain("bottom");
  });

  it("clamps huge text with an ellipsis and floods of paragraphs to a bounded count", () => {
    const huge = viaFragment([p(text("x".repeat(100_000), ["bold"])), p(text("after"))]);
    expect(huge).toHaveLength(1);
    const only = huge[0]!;
    expect(
      only.kind === "paragraph" && only.inlines[0]?.kind === "text" && only.inlines[0],
    ).toMatchObject({
      text: `${"x".repeat(RICH_LIMITS.text)}…`,
      bold: true,
    });

    const flood = readRichBlocks(Array.from({ length: 50_000 }, (_, i) => p(text(`${i}`))));
    expect(flood.length).toBe(RICH_LIMITS.blocks);
  });
});

describe("safeHref", () => {
  it("keeps web and e-mail links in their canonical form and refuses the rest", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com/");
    expect(safeHref("  http://example.com/a?b=1#c ")).toBe("http://example.com/a?b=1#c");
    expect(safeHref("mailto:ana@example.com")).toBe("mailto:ana@example.com");
    expect(safeHref("https://")).toBeNull();
    expect(safeHref("example.com")).toBeNull();
    expect(safeHref("ftp://example.com")).toBeNull();
    expect(safeHref(`https://example.com/${"a".repeat(3000)}`)).toBeNull();
  });
});
