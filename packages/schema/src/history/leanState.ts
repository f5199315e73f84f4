/**
 * A chunk start without its tombstones (issue 16, R7). A map's state after 45,000 edits holds
 * 51,771 structs of which 824 are visible: the rest is deleted content Yjs keeps because a later
 * update may name any of it as a neighbour, and decoding it was most of a random jump in the
 * history (40–70 ms of the replay worker's time, and the collector after it).
 *
 * The rows the history applies after a chunk start are known and logged: at most LEAN_REACH of
 * them. So the server leaves out the deleted items none of those rows names (as origin, right
 * origin or parent), writes them as garbage-collected ranges (their clocks stay, so every later
 * row still integrates), and points the items it keeps at the nearest kept item along their
 * origins. That is not Yjs's own rule, and it can move a concurrent insert among deleted
 * siblings; so the lean state is only used after a check: both documents take every one of
 * those rows, and after each the parts of the document the row changed (in either) must show
 * the same (`visibleContent.ts`), as must the whole at the start and the end. A lean state is
 * exact for its moment and for each row up to `through`, and is never used past it.
 */
import * as Y from "yjs";
import { CHUNK } from "./HistoryChunks.ts";
import {
  type Before,
  type TypeKey,
  typeAt,
  typeKey,
  visibleDocument,
  visiblePart,
} from "./visibleContent.ts";

/**
 * Rows a lean chunk start serves: a rebuild applies at most those of two chunks (a visit in
 * the chunk before the target's starts it there).
 */
export const LEAN_REACH = 2 * CHUNK;

/** Below this share of the full state's bytes a lean state is worth keeping. */
const WORTH = 0.8;

/** Rows checked between two pauses (a pause lets a server's other requests through). */
const ROWS_PER_PAUSE = 250;

/**
 * `full` (the state at some moment) without the deleted content none of `later` (the rows
 * after that moment, in order) names, or null when that saves little or would change what any
 * of those rows shows. `pause` is awaited now and then during the check.
 */
export async function leanState(
  full: Uint8Array,
  later: readonly Uint8Array[],
  pause: () => Promise<void> = async () => {},
): Promise<Uint8Array | null> {
  const doc = new Y.Doc();
  const check = new Y.Doc();
  try {
    Y.applyUpdate(doc, full);
    const named = namedIds(later, doc);
    const lean = encodeWithout(doc, (item) => item.deleted && !named.has(item.id, item.length));
    if (lean.byteLength > full.byteLength * WORTH) return null;
    Y.applyUpdate(check, lean);
    return (await showSame(doc, check, later, pause)) ? lean : null;
  } finally {
    doc.destroy();
    check.destroy();
  }
}

/** Clock ranges named by rows, per client. */
class NamedIds {
  private readonly clocks = new Map<number, number[]>();

  add(id: Y.ID | null): void {
    if (!id) return;
    const clocks = this.clocks.get(id.client);
    if (clocks) clocks.push(id.clock);
    else this.clocks.set(id.client, [id.clock]);
  }

  sort(): void {
    for (const clocks of this.clocks.values()) clocks.sort((a, b) => a - b);
  }

  /** Whether any named id falls in `length` clocks from `id`. */
  has(id: Y.ID, length: number): boolean {
    const clocks = this.clocks.get(id.client);
    if (!clocks) return false;
    let lo = 0;
    let hi = clocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (clocks[mid]! < id.clock) lo = mid + 1;
      else hi = mid;
    }
    return lo < clocks.length && clocks[lo]! < id.clock + length;
  }
}

/**
 * The ids the rows' items name: where they go (origins) and what they go into (parents). Only
 * items that are new where they come count: a row may carry again what `doc` or an earlier row
 * already holds (a client's whole state after a reconnect), and Yjs skips those.
 */
export function namedIds(rows: readonly Uint8Array[], doc?: Y.Doc): NamedIds {
  const named = new NamedIds();
  const seen = new Map<number, number>();
  const known = (client: number) => seen.get(client) ?? (doc ? Y.getState(doc.store, client) : 0);
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row).structs) {
      const { client, clock } = struct.id;
      const end = clock + struct.length;
      const held = known(client);
      if (end <= held) continue;
      // After a gap Yjs keeps a struct pending: it is named now, but not counted as held.
      if (clock <= held) seen.set(client, end);
      if (!(struct instanceof Y.Item)) continue;
      named.add(struct.origin);
      named.add(struct.rightOrigin);
      if (struct.parent instanceof Y.ID) named.add(struct.parent);
      // Of a struct it partly holds, Yjs integrates the rest after the last clock it holds.
      if (clock < held) named.add(Y.createID(client, held - 1));
    }
  }
  named.sort();
  return named;
}

/**
 * `doc` encoded with the items `drop` picks written as collected ranges and the origins of the
 * others moved past them; `doc` itself is left as it was.
 */
export function encodeWithout(doc: Y.Doc, drop: (item: Y.Item) => boolean): Uint8Array {
  const store = doc.store;
  const dropped = (struct: Y.AbstractStruct): boolean => struct instanceof Y.Item && drop(struct);
  // The nearest id along `next` that is not in a dropped item (computed before any change).
  const kept = (id: Y.ID | null, next: (item: Y.Item) => Y.ID | null): Y.ID | null => {
    for (let at = id; at !== null; ) {
      const struct: Y.AbstractStruct = Y.getItem(store, at);
      if (!(struct instanceof Y.Item) || !drop(struct)) return at;
      at = next(struct);
    }
    return null;
  };
  const moved: Array<{ item: Y.Item; origin: Y.ID | null; rightOrigin: Y.ID | null }> = [];
  const lists = new Map<number, Y.AbstractStruct[]>();
  for (const [client, structs] of store.clients) {
    const list: Y.AbstractStruct[] = [];
    let run: Y.GC | null = null; // a collected range made here, so it may grow
    for (const struct of structs) {
      if (struct instanceof Y.GC || dropped(struct)) {
        const last = list.at(-1);
        if (run && last === run) {
          run.length += struct.length;
        } else if (last instanceof Y.GC) {
          run = new Y.GC(last.id, last.length + struct.length);
          list[list.length - 1] = run;
        } else {
          run = new Y.GC(struct.id, struct.length);
          list.push(run);
        }
        continue;
      }
      if (struct instanceof Y.Item) {
        const origin = kept(struct.origin, (item) => item.origin);
        const rightOrigin = kept(struct.rightOrigin, (item) => item.rightOrigin);
        if (origin !== struct.origin || rightOrigin !== struct.rightOrigin) {
          moved.push({ item: struct, origin, rightOrigin });
        }
      }
      list.push(struct);
    }
    lists.set(client, list);
  }
  const clients = new Map(store.clients);
  const swap = () => {
    for (const m of moved) {
      [m.item.origin, m.origin] = [m.origin, m.item.origin];
      [m.item.rightOrigin, m.rightOrigin] = [m.rightOrigin, m.item.rightOrigin];
    }
  };
  swap();
  try {
    for (const [client, list] of lists) store.clients.set(client, list as Array<Y.GC | Y.Item>);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    for (const [client, structs] of clients) store.clients.set(client, structs);
    swap();
  }
}

/**
 * Whether `full` and `lean`, shown the same now, show the same after each of `rows`: every type
 * either document's transaction changed is compared (the keys it changed, its elements when
 * they changed; types made by the row in full), and the whole documents at the end.
 */
export async function showSame(
  full: Y.Doc,
  lean: Y.Doc,
  rows: readonly Uint8Array[],
  pause: () => Promise<void> = async () => {},
): Promise<boolean> {
  if (visibleDocument(full) !== visibleDocument(lean)) return false;
  const changed = new Map<TypeKey, Set<string | null>>();
  let before: Before = new Map();
  const note = (transaction: Y.Transaction) => {
    before = transaction.beforeState;
    for (const [type, keys] of transaction.changed) {
      const key = typeKey(type);
      const all = changed.get(key) ?? new Set<string | null>();
      for (const k of keys) all.add(k);
      changed.set(key, all);
    }
  };
  full.on("afterTransaction", note);
  lean.on("afterTransaction", note);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_PAUSE === 0) await pause();
    changed.clear();
    Y.applyUpdate(full, rows[i]!);
    Y.applyUpdate(lean, rows[i]!);
    for (const [key, keys] of changed) {
      const shown = visiblePart(typeAt(full, key), keys, before);
      if (shown !== visiblePart(typeAt(lean, key), keys, before)) return false;
    }
  }
  const pending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  return visibleDocument(full) === visibleDocument(lean) && pending(full) === pending(lean);
}
