/**
 * Rich text read out of a Y.XmlFragment (the ProseMirror/Tiptap layout y-tiptap writes:
 * elements named after node types, Y.XmlText leaves with formatting attributes as marks).
 * The board renders these statically; only the cell being edited mounts a Tiptap editor.
 */
import * as Y from "yjs";

export interface RichTextMark {
  readonly type: string;
  readonly attrs: Readonly<Record<string, unknown>>;
}

export type RichTextNode =
  | { readonly type: "text"; readonly text: string; readonly marks: readonly RichTextMark[] }
  | {
      readonly type: string;
      readonly attrs: Readonly<Record<string, unknown>>;
      readonly children: readonly RichTextNode[];
    };

/** Deeper nesting than this is treated as hostile and cut (the read model never throws). */
const MAX_DEPTH = 32;

function readChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number): RichTextNode[] {
  if (depth > MAX_DEPTH) return [];
  const out: RichTextNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const delta of child.toDelta() as { insert?: unknown; attributes?: object }[]) {
        if (typeof delta.insert !== "string") continue;
        const marks = Object.entries(delta.attributes ?? {}).map(([type, attrs]) => ({
          type,
          attrs: typeof attrs === "object" && attrs !== null ? attrs : {},
        }));
        out.push({ type: "text", text: delta.insert, marks });
      }
    } else if (child instanceof Y.XmlElement) {
      out.push({
        type: child.nodeName,
        attrs: child.getAttributes(),
        children: readChildren(child, depth + 1),
      });
    }
  }
  return out;
}

export function readRichText(fragment: Y.XmlFragment): readonly RichTextNode[] {
  return readChildren(fragment, 0);
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "codeBlock"]);

/** Plain text with one line per block, for static rendering, search and exports. */
export function plainTextOf(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  let current = "";
  const walk = (nodes: readonly RichTextNode[]) => {
    for (const node of nodes) {
      if (node.type === "text" && "text" in node) current += node.text;
      else if ("children" in node) {
        walk(node.children);
        if (BLOCKS.has(node.type) && current !== "") {
          lines.push(current);
          current = "";
        }
      }
    }
  };
  walk(readRichText(fragment));
  if (current !== "") lines.push(current);
  return lines.join("\n");
}

/**
 * Fills an empty fragment with paragraphs of plain text, inside the caller's transaction.
 * Used by templates and imports only: seeding client-side on load duplicates content.
 */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split("\n").map((line) => {
    const p = new Y.XmlElement("paragraph");
    if (line !== "") p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.delete(0, fragment.length);
  fragment.insert(0, paragraphs);
}

/**
 * Replaces a fragment's content with the given nodes (the inverse of readRichText), inside
 * the caller's transaction. Used by imports and restores, never on load.
 */
export function writeRichText(fragment: Y.XmlFragment, nodes: readonly RichTextNode[]): void {
  fragment.delete(0, fragment.length);
  fragment.insert(0, toYNodes(nodes, 0));
}

function toYNodes(nodes: readonly RichTextNode[], depth: number): Array<Y.XmlElement | Y.XmlText> {
  if (depth > MAX_DEPTH) return [];
  const out: Array<Y.XmlElement | Y.XmlText> = [];
  // Consecutive text runs share one Y.XmlText, as y-tiptap writes them. The text is not yet
  // in a document, so its length reads 0: track the insertion offset ourselves.
  let text: Y.XmlText | null = null;
  let offset = 0;
  for (const node of nodes) {
    if ("text" in node) {
      if (!text) {
        text = new Y.XmlText();
        offset = 0;
        out.push(text);
      }
      const attributes: Record<string, unknown> = {};
      for (const mark of node.marks) attributes[mark.type] = mark.attrs;
      text.insert(offset, node.text, attributes);
      offset += node.text.length;
      continue;
    }
    text = null;
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs)) {
      element.setAttribute(key, value as string);
    }
    element.insert(0, toYNodes(node.children, depth + 1));
    out.push(element);
  }
  return out;
}
