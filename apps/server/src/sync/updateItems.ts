/**
 * The items an update carries, by client, and a lookup of an id among them. Both talk guards
 * read what an update would change without applying it to a copy of the document; this is
 * the index they share.
 */
import * as Y from "yjs";

export interface UpdateItems {
  /** The items of the update (not skips or GC ranges). */
  readonly all: ReadonlySet<Y.Item>;
  /** The update's item that holds this id, if any. */
  find(id: Y.ID): Y.Item | undefined;
  /** The update's last item of a client. */
  last(client: number): Y.Item | undefined;
}

export function indexUpdateItems(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): UpdateItems {
  const byClient = new Map<number, Y.Item[]>();
  const all = new Set<Y.Item>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    all.add(struct);
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return {
    all,
    find(id) {
      // A client's structs come in clock order: binary search.
      const items = byClient.get(id.client) ?? [];
      let lo = 0;
      let hi = items.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const item = items[mid] as Y.Item;
        if (id.clock < item.id.clock) hi = mid - 1;
        else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
        else return item;
      }
      return undefined;
    },
    last: (client) => byClient.get(client)?.at(-1),
  };
}
