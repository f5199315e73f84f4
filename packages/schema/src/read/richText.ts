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
