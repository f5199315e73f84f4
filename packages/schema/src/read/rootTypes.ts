import * as Y from "yjs";
import type { ROOT } from "../layout.ts";

/**
 * A root map by name, or null when a hostile or corrupt document defined that name as another
 * type (Yjs throws on the conflicting definition; the read model must not).
 */
export function rootMap(doc: Y.Doc, name: (typeof ROOT)[keyof typeof ROOT]): Y.Map<unknown> | null {
  try {
    return doc.getMap(name);
  } catch {
    return null;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type.
type AnyType = Y.AbstractType<any>;

/** The root type that (transitively) contains `type`, and the direct child of that root. */
export function rootOf(type: AnyType): { root: AnyType; child: AnyType | null } {
  let child: AnyType | null = null;
  let current = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) break;
    child = current;
    current = parent;
  }
  return { root: current, child };
}
