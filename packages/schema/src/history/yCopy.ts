/**
 * Y-level copying between two documents of the same map, for restores: an entity, a cell or
 * an emotion point of an old state is written into the live document as ordinary edits. Only
 * what differs is written, so a restore that changes nothing creates no update, and a restore
 * that changes one field conflicts with nobody else's work on the other fields.
 */
import * as Y from "yjs";
import { type EntityRoot, ROOT } from "../layout.ts";
import { readRichText, writeRichText } from "../read/richText.ts";

export function entityRoot(doc: Y.Doc, root: EntityRoot): Y.Map<unknown> {
  return doc.getMap(ROOT[root]);
}

export function entityOf(doc: Y.Doc, root: EntityRoot, id: string): Y.Map<unknown> | null {
  const value = entityRoot(doc, root).get(id);
  return value instanceof Y.Map ? value : null;
}

/** Rich text as comparable JSON (attributes and marks included). */
function richJson(fragment: Y.XmlFragment): string {
  return JSON.stringify(readRichText(fragment));
}

/** Plain stored values compare by their JSON; fragments by their rich text. */
function sameValue(live: unknown, old: unknown): boolean {
  if (old instanceof Y.XmlFragment || live instanceof Y.XmlFragment) {
    return (
      old instanceof Y.XmlFragment &&
      live instanceof Y.XmlFragment &&
      richJson(live) === richJson(old)
    );
  }
  if (old instanceof Y.AbstractType || live instanceof Y.AbstractType) return false;
  return JSON.stringify(live) === JSON.stringify(old);
}

/** Sets `key` of `target` to a copy of `value`, inside the caller's transaction. */
function setCopy(target: Y.Map<unknown>, key: string, value: unknown): void {
  if (value instanceof Y.XmlFragment) {
    const fragment = new Y.XmlFragment();
    target.set(key, fragment);
    writeRichText(fragment, readRichText(value));
  } else if (!(value instanceof Y.AbstractType)) {
    target.set(key, value);
  }
}

/** Makes the live entity's fields equal to the old one's. Returns true if anything was written. */
export function syncEntity(live: Y.Map<unknown>, old: Y.Map<unknown>): boolean {
  let changed = false;
  for (const [key, value] of old.entries()) {
    if (!sameValue(live.get(key), value)) {
      if (live.get(key) instanceof Y.XmlFragment && value instanceof Y.XmlFragment) {
        writeRichText(live.get(key) as Y.XmlFragment, readRichText(value));
      } else {
        setCopy(live, key, value);
      }
      changed = true;
    }
  }
  for (const key of [...live.keys()]) {
    if (!old.has(key)) {
      live.delete(key);
      changed = true;
    }
  }
  return changed;
}

/**
 * Brings the entity `id` of `old` into `live`: recreated under the same id when it is missing
 * (so evidence and references that still name it re-attach), else its fields are synced.
 */
export function restoreEntityMap(live: Y.Doc, old: Y.Doc, root: EntityRoot, id: string): boolean {
  const source = entityOf(old, root, id);
  if (!source) return false;
  const target = entityOf(live, root, id);
  if (target) return syncEntity(target, source);
  const created = new Y.Map<unknown>();
  entityRoot(live, root).set(id, created);
  for (const [key, value] of source.entries()) setCopy(created, key, value);
  return true;
}

/** The fragment of a root name, or null when the name holds another type (hostile document). */
export function fragmentOf(doc: Y.Doc, name: string): Y.XmlFragment | null {
  try {
    return doc.getXmlFragment(name);
  } catch {
    return null;
  }
}

/** Whether the cell differs between the documents (an absent cell counts as empty). */
export function cellDiffers(live: Y.Doc, old: Y.Doc, name: string): boolean {
  const from = fragmentOf(old, name);
  const to = fragmentOf(live, name);
  if (!from || !to) return false;
  return richJson(from) !== richJson(to);
}

/** Writes the old cell's rich text into the live cell. */
export function restoreCell(live: Y.Doc, old: Y.Doc, name: string): boolean {
  if (!cellDiffers(live, old, name)) return false;
  const from = fragmentOf(old, name);
  const to = fragmentOf(live, name);
  if (!from || !to) return false;
  writeRichText(to, readRichText(from));
  return true;
}

/** Sets (or deletes) one emotion point to its old value. */
export function restoreEmotion(live: Y.Doc, old: Y.Doc, key: string): boolean {
  const from = old.getMap(ROOT.emotions);
  const to = live.getMap(ROOT.emotions);
  if (!from.has(key)) {
    if (!to.has(key)) return false;
    to.delete(key);
    return true;
  }
  if (sameValue(to.get(key), from.get(key))) return false;
  to.set(key, from.get(key));
  return true;
}
