/**
 * The merge compares three documents of one map (base, ours, theirs) slot by slot: a slot is
 * one thing that holds one value, the smallest unit two people can change independently
 * (INV-D1): a meta field, an entity's existence, one field of an entity, one curve point, one
 * rich-text root (a cell or a card description). Values compare by a canonical string, so a
 * rich-text field compares by its content, not by its Y identity.
 */
import * as Y from "yjs";
import {
  type EntityRoot,
  META,
  parseCardDescriptionRootName,
  parseCellRootName,
  ROOT,
} from "../layout.ts";
import { readRichText } from "../read/richText.ts";

/** What a merge brings over: the map's content. Evidence is contributed elsewhere (as in restores). */
export const MERGE_ROOTS = ["personas", "phases", "touchpoints", "lanes", "cards"] as const;
export type MergeRoot = (typeof MERGE_ROOTS)[number] & EntityRoot;

/**
 * Meta fields a merge brings: the scenario. Not the title: it names the map, and a branch is
 * named for what it is ("To-be: …"), which is not what the original should be called.
 */
export const MERGE_META = [META.description] as const;

export type Slot =
  | { readonly kind: "meta"; readonly key: string }
  | { readonly kind: "entity"; readonly root: MergeRoot; readonly id: string }
  | { readonly kind: "field"; readonly root: MergeRoot; readonly id: string; readonly key: string }
  | { readonly kind: "emotion"; readonly key: string }
  | { readonly kind: "text"; readonly name: string };

/** A stable string for a slot: the id of its change in a merge plan. */
export function slotId(slot: Slot): string {
  switch (slot.kind) {
    case "meta":
      return `meta/${slot.key}`;
    case "entity":
      return `${slot.root}/${slot.id}`;
    case "field":
      return `${slot.root}/${slot.id}/${slot.key}`;
    case "emotion":
      return `emotions/${slot.key}`;
    case "text":
      return slot.name;
  }
}

export function entityIn(doc: Y.Doc, root: MergeRoot, id: string): Y.Map<unknown> | null {
  const value = safeMap(doc, ROOT[root])?.get(id);
  return value instanceof Y.Map ? value : null;
}

export function safeMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap(name);
  } catch {
    return null;
  }
}

export function safeFragment(doc: Y.Doc, name: string): Y.XmlFragment | null {
  try {
    return doc.getXmlFragment(name);
  } catch {
    return null;
  }
}

/** Rich-text roots (cells and card descriptions) a document defines. */
export function textRootNames(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter(
    (name) => parseCellRootName(name) !== null || parseCardDescriptionRootName(name) !== null,
  );
}

/** The raw value in a slot; undefined when absent. Text roots read as their rich text. */
export function slotValue(doc: Y.Doc, slot: Slot): unknown {
  switch (slot.kind) {
    case "meta":
      return safeMap(doc, ROOT.meta)?.get(slot.key);
    case "entity":
      return entityIn(doc, slot.root, slot.id) ? true : undefined;
    case "field":
      return entityIn(doc, slot.root, slot.id)?.get(slot.key);
    case "emotion":
      return safeMap(doc, ROOT.emotions)?.get(slot.key);
    case "text": {
      if (!doc.share.has(slot.name)) return undefined;
      const fragment = safeFragment(doc, slot.name);
      return fragment && fragment.length > 0 ? fragment : undefined;
    }
  }
}

/** The canonical comparison string of a stored value ("" for absent). */
export function valueKey(value: unknown): string {
  if (value === undefined) return "";
  if (value instanceof Y.XmlFragment) {
    const rich = readRichText(value);
    return rich.length === 0 ? "" : `rich:${JSON.stringify(rich)}`;
  }
  if (value instanceof Y.AbstractType) return "type";
  return `json:${JSON.stringify(value)}`;
}
