/**
 * Rich text as the board shows it: a small, safe tree (paragraphs and lists of text runs that
 * are bold, italic or a link) read from a cell's content. Every surface that prints a cell
 * (board, table, slides, image and PDF exports) renders this one tree, so they agree on
 * what a cell says.
 *
 * The content is untrusted (any peer can write any Y.XmlElement): unknown nodes give up their
 * text, links keep only web and e-mail targets, and nesting, block count and text length are
 * clamped so a hostile cell cannot freeze the board. Headings, quotes and code read as
 * paragraphs: a cell is a sticky note, not a document.
 */
import * as Y from "yjs";
import { type RichTextNode, readRichText } from "./richText.ts";
import { safeHref } from "./safeHref.ts";

export interface RichRun {
  readonly kind: "text";
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** A safe absolute link (see safeHref), or null. */
  readonly href: string | null;
}

export interface RichBreak {
  readonly kind: "break";
}

export type RichInline = RichRun | RichBreak;

export interface RichParagraph {
  readonly kind: "paragraph";
  readonly inlines: readonly RichInline[];
}

export interface RichList {
  readonly kind: "list";
  readonly ordered: boolean;
  /** The first item's number (ordered lists only; 1 otherwise). */
  readonly start: number;
  readonly items: readonly (readonly RichBlock[])[];
}

export type RichBlock = RichParagraph | RichList;

export const RICH_LIMITS = {
  /** Lists nested deeper than this are flattened into their parent (no one reads level 5). */
  listDepth: 4,
  /** Elements nested deeper than this are cut: recursion stays bounded on hostile input. */
  nesting: 32,
  /** Characters shown per cell; the rest is cut with an ellipsis. A long report fits. */
  text: 5000,
  /** Paragraphs, lists and items per cell, so a flood of empty paragraphs stays cheap. */
  blocks: 400,
} as const;

const ELLIPSIS = "…";
const PARAGRAPH_LIKE = new Set(["paragraph", "heading", "codeBlock"]);
const LISTS: Readonly<Record<string, boolean>> = { bulletList: false, orderedList: true };
const BOLD_MARKS = new Set(["bold", "strong"]);
const ITALIC_MARKS = new Set(["italic", "em"]);

type ElementNode = Extract<RichTextNode, { children: unknown }>;
type TextNode = Extract<RichTextNode, { text: unknown }>;

const isText = (node: RichTextNode): node is TextNode =>
  node.type === "text" && typeof (node as TextNode).text === "string";
const isElement = (node: RichTextNode): node is ElementNode =>
  !isText(node) && Array.isArray((node as ElementNode).children);

/** What is left to spend on one cell; the walk stops when any of it runs out. */
interface Budget {
  text: number;
  blocks: number;
}

function spendBlock(budget: Budget): boolean {
  if (budget.blocks <= 0 || budget.text <= 0) return false;
  budget.blocks--;
  return true;
}

function readRun(node: TextNode, budget: Budget): RichRun | null {
  if (budget.text <= 0 || node.text === "") return null;
  let bold = false;
  let italic = false;
  let href: string | null = null;
  for (const mark of Array.isArray(node.marks) ? node.marks : []) {
    if (BOLD_MARKS.has(mark?.type)) bold = true;
    else if (ITALIC_MARKS.has(mark?.type)) italic = true;
    else if (mark?.type === "link") href = safeHref(mark.attrs?.href);
  }
  let text = node.text;
  if (text.length > budget.text) text = `${text.slice(0, budget.text)}${ELLIPSIS}`;
  budget.text -= node.text.length;
  return { kind: "text", text, bold, italic, href };
}

const sameLook = (a: RichRun, b: RichRun) =>
  a.bold === b.bold && a.italic === b.italic && a.href === b.href;

function readInlines(
  nodes: readonly RichTextNode[],
  depth: number,
  budget: Budget,
  out: RichInline[] = [],
): RichInline[] {
  if (depth > RICH_LIMITS.nesting) return out;
  for (const node of nodes) {
    if (budget.text <= 0) break;
    if (isText(node)) {
      const run = readRun(node, budget);
      const last = out.at(-1);
      // y-tiptap splits text into runs at every attribute change; equal neighbours merge.
      if (run && last?.kind === "text" && sameLook(last, run)) {
        out[out.length - 1] = { ...last, text: last.text + run.text };
      } else if (run) out.push(run);
    } else if (node.type === "hardBreak") out.push({ kind: "break" });
    else if (isElement(node)) readInlines(node.children, depth + 1, budget, out);
  }
  return out;
}

function readList(node: ElementNode, depth: number, listDepth: number, budget: Budget): RichList {
  const items: RichBlock[][] = [];
  for (const child of node.children) {
    if (!spendBlock(budget)) break;
    // A list's children are list items; anything else is read as an item of its own.
    const content = isElement(child) && child.type === "listItem" ? child.children : [child];
    items.push(readBlocks(content, depth + 1, listDepth + 1, budget));
  }
  const start = Number(node.attrs?.start);
  return {
    kind: "list",
    ordered: LISTS[node.type] === true,
    start: Number.isInteger(start) && start >= 0 && start <= 1_000_000 ? start : 1,
    items,
  };
}

function readBlocks(
  nodes: readonly RichTextNode[],
  depth: number,
  listDepth: number,
  budget: Budget,
): RichBlock[] {
  const out: RichBlock[] = [];
  if (depth > RICH_LIMITS.nesting) return out;
  // Text or inline nodes loose among blocks (not what Tiptap writes) form a paragraph.
  let loose: RichTextNode[] = [];
  const flushLoose = () => {
    if (loose.length > 0 && spendBlock(budget)) {
      out.push({ kind: "paragraph", inlines: readInlines(loose, depth, budget) });
    }
    loose = [];
  };
  for (const node of nodes) {
    if (budget.text <= 0 || budget.blocks <= 0) break;
    if (!isElement(node) || node.type === "hardBreak") {
      loose.push(node);
      continue;
    }
    flushLoose();
    if (PARAGRAPH_LIKE.has(node.type)) {
      if (spendBlock(budget)) {
        out.push({ kind: "paragraph", inlines: readInlines(node.children, depth + 1, budget) });
      }
    } else if (node.type in LISTS && listDepth < RICH_LIMITS.listDepth) {
      if (spendBlock(budget)) out.push(readList(node, depth + 1, listDepth, budget));
    } else if (node.type !== "horizontalRule") {
      // Quotes, too-deep lists and unknown containers give their content to the parent.
      out.push(...readBlocks(node.children, depth + 1, listDepth, budget));
    }
  }
  flushLoose();
  return out;
}

const isBlank = (block: RichBlock | undefined) =>
  block?.kind === "paragraph" &&
  block.inlines.every((i) => i.kind === "text" && i.text.trim() === "");

/**
 * The shown tree of a cell's content (or of its fragment). Blank paragraphs at either end are
 * dropped: the editor keeps one after a list so the caret can leave it.
 */
export function readRichBlocks(content: Y.XmlFragment | readonly RichTextNode[]): RichBlock[] {
  const nodes = content instanceof Y.XmlFragment ? readRichText(content) : content;
  const blocks = readBlocks(nodes, 0, 0, { text: RICH_LIMITS.text, blocks: RICH_LIMITS.blocks });
  while (isBlank(blocks[0])) blocks.shift();
  while (isBlank(blocks.at(-1))) blocks.pop();
  return blocks;
}

/** True when the tree shows nothing (an empty or whitespace-only cell). */
export function isRichBlocksEmpty(blocks: readonly RichBlock[]): boolean {
  return blocks.every(isBlank);
}
