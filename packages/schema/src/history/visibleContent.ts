/**
 * What a Yjs document shows, written out the same way whatever its internal structure: the
 * undeleted entries and elements of each shared type, nested types named by their item's id.
 * Schema-free (any document, any root), so two documents that hold the same content through
 * different structs (one with deleted content left out, `leanState.ts`) compare equal, and any
 * visible difference, formatting included, does not.
 *
 * Yjs merges adjacent items differently in two such documents ("ab" may be one item or two), so
 * strings are written out character by character.
 */
import * as Y from "yjs";

/** A shared type's place in any document of the same log: its root's name or its item's id. */
export type TypeKey = string;

/** State vector before a transaction: types created after it are written out in full. */
export type Before = ReadonlyMap<number, number>;

/** Every type counts as new: the whole tree is written out. */
const EVERYTHING: Before = new Map();

const ROOT_PREFIX = "root:";

// biome-ignore lint/suspicious/noExplicitAny: the parameter Yjs itself uses for untyped types
type AnyType = Y.AbstractType<any>;

export function typeKey(type: AnyType): TypeKey {
  const item = type._item;
  return item ? `${item.id.client}:${item.id.clock}` : ROOT_PREFIX + Y.findRootTypeKey(type);
}

/** The type at `key` in `doc`, or null when it is not there (never made, or collected). */
export function typeAt(doc: Y.Doc, key: TypeKey): AnyType | null {
  if (key.startsWith(ROOT_PREFIX)) return doc.share.get(key.slice(ROOT_PREFIX.length)) ?? null;
  const [client, clock] = key.split(":").map(Number) as [number, number];
  if (clock >= Y.getState(doc.store, client)) return null;
  const struct = Y.getItem(doc.store, Y.createID(client, clock));
  return struct instanceof Y.Item && struct.content instanceof Y.ContentType
    ? struct.content.type
    : null;
}

/** Everything `doc` shows, as one string. */
export function visibleDocument(doc: Y.Doc): string {
  const roots: unknown[] = [];
  for (const name of [...doc.share.keys()].sort()) {
    const written = writeType(doc.share.get(name)!, EVERYTHING) as [string, unknown[], unknown[]];
    // A root with nothing to show may exist in one document only (its items all collected).
    if (written[1].length > 0 || written[2].length > 0) roots.push(name, written[1], written[2]);
  }
  return JSON.stringify(roots);
}

/**
 * What `type` (null: absent) shows of the entries `keys` (a Yjs transaction's changed keys; null
 * stands for its elements), types created after `before` in full, others by key.
 */
export function visiblePart(
  type: AnyType | null,
  keys: ReadonlySet<string | null>,
  before: Before,
): string {
  if (!type || type._item?.deleted) return "gone";
  const entries: unknown[] = [];
  for (const key of [...keys].sort()) {
    if (key === null) continue;
    const item = type._map.get(key);
    entries.push(key, item && !item.deleted ? writeContent(item.content, [], before) : null);
  }
  const elements = keys.has(null) ? writeElements(type, before) : null;
  return JSON.stringify([type._item ? type.constructor.name : "root", entries, elements]);
}

function writeType(type: AnyType, before: Before): unknown {
  if (type._item?.deleted) return "gone";
  const entries: unknown[] = [];
  for (const key of [...type._map.keys()].sort()) {
    const item = type._map.get(key)!;
    if (!item.deleted) entries.push(key, writeContent(item.content, [], before));
  }
  return [type.constructor.name, entries, writeElements(type, before)];
}

function writeElements(type: AnyType, before: Before): unknown[] {
  const out: unknown[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) writeContent(item.content, out, before);
  }
  return out;
}

/** Appends what `content` shows to `out`. */
function writeContent(content: Y.Item["content"], out: unknown[], before: Before): unknown[] {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    const id = (type._item as Y.Item).id;
    const created = id.clock >= (before.get(id.client) ?? 0);
    out.push(created ? writeType(type, before) : `type ${id.client}:${id.clock}`);
  } else if (content instanceof Y.ContentString) {
    for (const char of content.str) out.push(char);
  } else if (content instanceof Y.ContentFormat) {
    out.push({ format: content.key, value: content.value });
  } else if (content instanceof Y.ContentDoc) {
    out.push({ doc: content.doc?.guid ?? null });
  } else if (content instanceof Y.ContentBinary) {
    out.push({ binary: Array.from(content.content) });
  } else {
    for (const value of content.getContent()) out.push({ value });
  }
  return out;
}
