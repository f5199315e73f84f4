/**
 * v1: before positions were stored as one value, entities kept `order` (a number) and
 * touchpoints and cards a separate parent field (`phase`, `touchpoint`). A concurrent move
 * could then mix one person's parent with another's order. This rewrites them as `pos`.
 */
import * as Y from "yjs";
import { type EntityRoot, POS, ROOT } from "../layout.ts";
import { keysAfter } from "../order.ts";
import type { Migration } from "./Migration.ts";

const LEGACY_PARENT: Partial<Record<EntityRoot, string>> = {
  touchpoints: "phase",
  cards: "touchpoint",
};
const ORDERED: readonly EntityRoot[] = ["personas", "phases", "touchpoints", "lanes", "cards"];

function legacyEntities(doc: Y.Doc, root: EntityRoot): Array<[string, Y.Map<unknown>]> {
  const out: Array<[string, Y.Map<unknown>]> = [];
  doc.getMap(ROOT[root]).forEach((value, id) => {
    if (value instanceof Y.Map && value.get(POS) === undefined && value.has("order")) {
      out.push([id, value]);
    }
  });
  return out;
}

export const positionAsOneValue: Migration = {
  name: "position-as-one-value",
  version: 1,
  isNeeded: (doc) => ORDERED.some((root) => legacyEntities(doc, root).length > 0),
  run(doc) {
    for (const root of ORDERED) {
      const parentField = LEGACY_PARENT[root];
      const groups = new Map<string, Array<{ id: string; order: number; map: Y.Map<unknown> }>>();
      for (const [id, map] of legacyEntities(doc, root)) {
        const rawParent = parentField ? map.get(parentField) : "";
        const parent = typeof rawParent === "string" ? rawParent : "";
        const rawOrder = map.get("order");
        const order = typeof rawOrder === "number" && Number.isFinite(rawOrder) ? rawOrder : 0;
        const group = groups.get(parent) ?? [];
        group.push({ id, order, map });
        groups.set(parent, group);
      }
      for (const [parent, group] of groups) {
        group.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
        const keys = keysAfter(null, group.length);
        group.forEach((entry, i) => {
          entry.map.set(POS, { parent, key: keys[i] });
          entry.map.delete("order");
          if (parentField) entry.map.delete(parentField);
        });
      }
    }
  },
};
