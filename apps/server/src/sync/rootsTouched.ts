/**
 * Which root types of a document an update would change, found without applying it to the
 * live document: the talk guard refuses a commenter's update by what it touches, before
 * Hocuspocus applies, relays or logs it.
 */
import * as Y from "yjs";
import { indexUpdateItems } from "./updateItems.ts";

/** The root of a type: walk up through the items that hold nested types. */
type AnyType = Parameters<typeof Y.findRootTypeKey>[0];

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item?.parent instanceof Y.AbstractType) current = current._item.parent;
  return current;
}

/** Stands for "parts of this update wait for changes the server has not seen". */
export const INCOMPLETE = "(an update with missing dependencies)";

/**
 * The names of the root types `update` would change in `doc` (insertions, field writes and
 * deletions alike), found by applying it to a copy. Updates already waiting for missing
 * dependencies are part of the copy's state too, so a change split over two updates is seen
 * when its second half lands. If the update itself leaves something waiting, its effect
 * cannot be known yet and INCOMPLETE is among the roots.
 */
export function rootsChangedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const pendingBefore = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  const roots = new Set<string>();
  copy.on("afterTransaction", (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) roots.add(Y.findRootTypeKey(rootOf(type)));
  });
  Y.applyUpdate(copy, update);
  const pendingAfter = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  if (pendingAfter && !pendingBefore) roots.add(INCOMPLETE);
  copy.destroy();
  return roots;
}

/** Where in an update or the document an id's item is, and which root holds it. */
type Lookup = (id: Y.ID) => string | null | undefined;

/**
 * The same answer as rootsChangedBy, read from the update's structs and delete set and the
 * document's store without copying the document: an item names its parent (a root by name, or
 * the item holding a nested type) or, when it has a neighbour, inherits its neighbour's parent.
 * `null` stands for "changes nothing" (content whose parent was garbage collected), `undefined`
 * for "not known yet" (an id neither the document nor the update holds). Linear in the
 * update's size (plus a binary search per reference), so the check costs the same on a large
 * talk document as on a small one. Falls back to the copy when the document itself has
 * updates waiting, which a normal server never has.
 */
export function rootsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    return rootsChangedBy(doc, update);
  const { structs, ds } = Y.decodeUpdate(update);
  const roots = new Set<string>();
  const items = indexUpdateItems(structs);
  const known = (client: number) => Y.getState(doc.store, client);

  const rootOfType = (type: AnyType): string => Y.findRootTypeKey(rootOf(type));

  const rootOfId: Lookup = (id) => {
    if (id.clock < known(id.client)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? rootOfType(struct.parent as AnyType) : null;
    }
    const item = items.find(id);
    return item ? rootOfItem(item) : undefined;
  };
  const seen = new Set<Y.Item>();
  const rootOfItem = (item: Y.Item): string | null | undefined => {
    if (seen.has(item)) return undefined; // a cycle only a forged update can hold
    seen.add(item);
    const parent = item.parent as unknown;
    if (typeof parent === "string") return parent;
    if (parent instanceof Y.ID) return rootOfId(parent);
    const neighbour = item.origin ?? item.rightOrigin;
    return neighbour ? rootOfId(neighbour) : undefined;
  };
  const add = (root: string | null | undefined) => {
    if (root === undefined) roots.add(INCOMPLETE);
    else if (root !== null) roots.add(root);
  };

  // Structs are integrated per client in clock order: a gap (or a Skip, which marks one)
  // means what follows waits for what is missing. GC structs fill clocks and change nothing.
  const next = new Map<number, number>();
  for (const struct of structs) {
    const client = struct.id.client;
    const expected = next.get(client) ?? known(client);
    if (struct instanceof Y.Skip || struct.id.clock > expected) {
      roots.add(INCOMPLETE);
      next.set(client, Number.POSITIVE_INFINITY);
      continue;
    }
    next.set(client, Math.max(expected, struct.id.clock + struct.length));
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= known(client)) continue; // the server has it
    seen.clear();
    add(rootOfItem(struct));
  }
  for (const [client, ranges] of ds.clients) {
    const state = known(client);
    for (const { clock, len } of ranges) {
      let at = clock;
      // Deletions of what the update itself adds touch the roots found above.
      while (at < Math.min(clock + len, state)) {
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC;
        if (struct instanceof Y.Item && !struct.deleted) add(rootOfType(struct.parent as AnyType));
        at = struct.id.clock + struct.length;
      }
      const last = items.last(client);
      const end = Math.max(state, last ? last.id.clock + last.length : 0);
      if (clock + len > end) roots.add(INCOMPLETE); // deletes what nobody has sent yet
    }
  }
  return roots;
}
