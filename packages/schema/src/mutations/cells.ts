import type * as Y from "yjs";
import { cellRootName, parseCellRootName } from "../layout.ts";
import { cellRootNames } from "../read/records.ts";
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

/** Empties every cell matching the predicate (cascades of lane and touchpoint deletes). */
export function clearCells(
  doc: Y.Doc,
  match: (laneId: string, touchpointId: string) => boolean,
): void {
  for (const name of cellRootNames(doc)) {
    const parts = parseCellRootName(name);
    if (!parts || !match(parts.laneId, parts.touchpointId)) continue;
    try {
      const fragment = doc.getXmlFragment(name);
      if (fragment.length > 0) fragment.delete(0, fragment.length);
    } catch {
      // Not a fragment (hostile document): nothing of ours to clear.
    }
  }
}
