import type * as Y from "yjs";
import { cellRootName } from "../layout.ts";
import { writePlainText } from "../read/richText.ts";
import type { LaneId, TouchpointId } from "../ids.ts";
import { type MutationContext, transact } from "./transact.ts";

/**
 * The rich-text fragment of one cell, for the editor (Tiptap's Collaboration extension).
 * A root type: asking for it creates nothing on the wire until someone types.
 */
export function cellFragment(
  doc: Y.Doc,
  laneId: LaneId,
  touchpointId: TouchpointId,
): Y.XmlFragment {
  return doc.getXmlFragment(cellRootName(laneId, touchpointId));
}

/** Replaces a cell's content with plain text (templates, imports, tests). */
export function setCellText(
  doc: Y.Doc,
  laneId: LaneId,
  touchpointId: TouchpointId,
  text: string,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => writePlainText(cellFragment(doc, laneId, touchpointId), text));
}
