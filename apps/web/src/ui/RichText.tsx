/**
 * A cell's rich text, rendered from the schema's safe tree (readRichBlocks): paragraphs,
 * lists, bold, italic and links, as React elements only. The board, the table and the slides
 * all use it, so formatting looks the same wherever a cell is read.
 */
import {
  type RichBlock,
  type RichInline,
  type RichTextNode,
  readRichBlocks,
} from "@journeymap/schema";
import { memo, type ReactNode, useMemo } from "react";
import "./RichText.css";

export interface RichTextProps {
  readonly content: readonly RichTextNode[];
  readonly className?: string;
  /**
   * Links as real anchors (default), or as link-styled text where the whole cell is a button
   * that opens the editor: an anchor inside a button is neither valid nor clickable.
   */
  readonly links?: "anchor" | "text";
}

function Inline({ inline, links }: { inline: RichInline; links: "anchor" | "text" }) {
  if (inline.kind === "break") return <br />;
  let node: ReactNode = inline.text;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.bold) node = <strong>{node}</strong>;
  if (inline.href === null) return node;
  return links === "anchor" ? (
    <a
      className="rich-text__link"
      href={inline.href}
      target="_blank"
      rel="noopener noreferrer nofollow"
    >
      {node}
    </a>
  ) : (
    <span className="rich-text__link">{node}</span>
  );
}

function Blocks({ blocks, links }: { blocks: readonly RichBlock[]; links: "anchor" | "text" }) {
  return blocks.map((block, i) => {
    if (block.kind === "paragraph") {
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, re-rendered whole
        <p key={i}>
          {block.inlines.map((inline, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static text, re-rendered whole
            <Inline key={j} inline={inline} links={links} />
          ))}
        </p>
      );
    }
    const items = block.items.map((item, j) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, re-rendered whole
      <li key={j}>
        <Blocks blocks={item} links={links} />
      </li>
    ));
    return block.ordered ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, re-rendered whole
      <ol key={i} start={block.start === 1 ? undefined : block.start}>
        {items}
      </ol>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, re-rendered whole
      <ul key={i}>{items}</ul>
    );
  });
}

export const RichText = memo(function RichText({
  content,
  className = "",
  links = "anchor",
}: RichTextProps) {
  // The read model keeps a cell's content by reference until it changes: read once per change.
  const blocks = useMemo(() => readRichBlocks(content), [content]);
  return (
    <div className={`rich-text ${className}`} data-testid="rich-text">
      <Blocks blocks={blocks} links={links} />
    </div>
  );
});
