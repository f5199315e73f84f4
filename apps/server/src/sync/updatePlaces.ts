/**
 * Where the items of an update lie in a document, read without applying the update (as
 * rootsTouchedBy does, and for the same reason: the cost follows the update, not the
 * document). Each item is traced up to the root it is under, the entry of that root it lies
 * in, and the entry's field. The talk guard's authorship rules (commentAuthorship.ts) judge an
 * update by these places.
 */
import * as Y from "yjs";
import { indexUpdateItems } from "./updateItems.ts";

/** Where an item lies: the root, the entry item under it, and the entry's field. */
export interface Place {
  readonly root: string;
  readonly entry: Y.Item;
  readonly key: string | null;
  /** The field of the entry the item is in; null when the item is the entry itself. */
  readonly field: string | null;
  /** True when the item is the field's value itself (not something nested in it). */
  readonly isValue: boolean;
}

interface Parent {
  readonly parent: Y.Item | string;
  readonly sub: string | null;
}

export interface UpdatePlaces {
  /** The client's clock the document already holds. */
  known(client: number): number;
  /** True for an item already in the document (not one the update carries). */
  isStored(item: Y.Item): boolean;
  /** Which root, entry and field `item` belongs to; null when it changes nothing, undefined
   * when its place cannot be known yet. */
  placeOf(item: Y.Item): Place | null | undefined;
}

export function updatePlaces(
  doc: Y.Doc,
  structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
): UpdatePlaces {
  const known = (client: number) => Y.getState(doc.store, client);
  const items = indexUpdateItems(structs);
  const isStored = (item: Y.Item) => !items.all.has(item);
  /** The item with this id, stored or in the update; null for a collected one. */
  const itemAt = (id: Y.ID): Y.Item | null | undefined => {
    if (id.clock < known(id.client)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? struct : null;
    }
    return items.find(id);
  };

  /** The item's parent (an item holding a type, or a root's name) and its key there. */
  const parentOf = (item: Y.Item, seen = new Set<Y.Item>()): Parent | null | undefined => {
    if (seen.has(item)) return undefined; // a cycle only a forged update can hold
    seen.add(item);
    if (isStored(item)) {
      const type = item.parent as Y.AbstractType<unknown> | null;
      if (!type) return null;
      return { parent: type._item ?? Y.findRootTypeKey(type), sub: item.parentSub };
    }
    const parent = item.parent as unknown;
    if (typeof parent === "string") return { parent, sub: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = itemAt(parent);
      return holder ? { parent: holder, sub: item.parentSub } : holder;
    }
    // No parent written: the item sits beside a neighbour and shares its parent and key.
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) return undefined;
    const neighbour = itemAt(neighbourId);
    return neighbour ? parentOf(neighbour, seen) : neighbour;
  };

  const placeOf = (item: Y.Item): Place | null | undefined => {
    const chain: Array<{ item: Y.Item; sub: string | null }> = [];
    const ancestors = new Set<Y.Item>();
    let current = item;
    for (;;) {
      if (ancestors.has(current)) return undefined;
      ancestors.add(current);
      const up = parentOf(current);
      if (up === null || up === undefined) return up;
      chain.push({ item: current, sub: up.sub });
      if (typeof up.parent === "string") {
        const entry = chain.at(-1) as { item: Y.Item; sub: string | null };
        return {
          root: up.parent,
          entry: entry.item,
          key: entry.sub,
          field: chain.at(-2)?.sub ?? null,
          isValue: chain.length === 2,
        };
      }
      current = up.parent;
    }
  };

  return { known, isStored, placeOf };
}
