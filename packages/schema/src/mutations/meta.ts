import type * as Y from "yjs";
import { META, ROOT } from "../layout.ts";
import type { MapMetaFields } from "../records/MapMeta.ts";
import { longText, shortText } from "./input.ts";
import { type MutationContext, transact } from "./transact.ts";

export function updateMapMeta(doc: Y.Doc, fields: MapMetaFields, ctx: MutationContext): void {
  transact(doc, ctx, () => {
    const meta = doc.getMap(ROOT.meta);
    const title = shortText(fields.title);
    const description = longText(fields.description);
    if (title !== undefined && meta.get(META.title) !== title) meta.set(META.title, title);
    if (description !== undefined && meta.get(META.description) !== description) {
      meta.set(META.description, description);
    }
  });
}
