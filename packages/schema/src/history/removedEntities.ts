/**
 * What a transaction deleted, as element keys (`phase:<id>`, `touchpoint:<id>`…): a board
 * announces its own deletes in presence, because a delete carries no author on the wire and
 * the person typing inside what was deleted should learn who did it (issue 15, B1).
 */
import type * as Y from "yjs";
import { entityKey } from "../elementRef/elementRef.ts";
import { ENTITY_ROOTS, ROOT } from "../layout.ts";
import { KIND_OF_ROOT } from "./AttributionIndex.ts";

export function removedEntities(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const out: string[] = [];
  for (const root of ENTITY_ROOTS) {
    // Only roots that exist: an event handler must not create types.
    const map = doc.share.get(ROOT[root]);
    const keys = map && transaction.changed.get(map);
    if (!keys) continue;
    const entities = doc.getMap(ROOT[root]);
    for (const key of keys) {
      if (key !== null && !entities.has(key)) out.push(entityKey(KIND_OF_ROOT[root], key));
    }
  }
  return out;
}
