/**
 * Shared plumbing for mutations: every mutation runs inside one transaction with a typed
 * origin; entities are created with all their nested types in that same transaction.
 */
import * as Y from "yjs";
import type { IdSource } from "../ids.ts";
import { randomId } from "../ids.ts";
import { type EntityRoot, POS, ROOT } from "../layout.ts";
import { compareOrder, keyAt, type Ordered } from "../order.ts";
import type { MapOrigin } from "../origin.ts";
import { toPosition } from "../read/coerce.ts";

export interface MutationContext {
  readonly origin: MapOrigin;
  /** Id source; defaults to random ids. Injected by tests for determinism. */
  readonly ids?: IdSource;
  /** Clock; defaults to Date.now. */
  readonly now?: () => number;
}

export function transact<T>(doc: Y.Doc, ctx: MutationContext, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, ctx.origin);
  return result;
}

export function newId(ctx: MutationContext): string {
  return (ctx.ids ?? randomId)();
}

export function entityMap(doc: Y.Doc, root: EntityRoot): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT[root]);
}

export function getEntity(doc: Y.Doc, root: EntityRoot, id: string): Y.Map<unknown> | null {
  const value = entityMap(doc, root).get(id);
  return value instanceof Y.Map ? value : null;
}

/** Creates an entity with its fields (including nested Y types) in the current transaction. */
export function insertEntity(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  fields: Readonly<Record<string, unknown>>,
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  entityMap(doc, root).set(id, map);
  return map;
}

/** Sets only the fields that differ, so an unchanged field creates no update. Missing entity: false. */
export function setFields(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  const map = getEntity(doc, root, id);
  if (!map) return false;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && map.get(key) !== value) map.set(key, value);
  }
  return true;
}

/** Siblings under `parent` in order, as stored (excluding `exceptId`). */
export function siblingsOf(
  doc: Y.Doc,
  root: EntityRoot,
  parent: string,
  exceptId?: string,
): Ordered[] {
  const out: Ordered[] = [];
  entityMap(doc, root).forEach((value, id) => {
    if (id === exceptId || !(value instanceof Y.Map)) return;
    const pos = toPosition(value.get(POS));
    if (pos.parent === parent) out.push({ id, key: pos.key });
  });
  return out.sort(compareOrder);
}

/** A position (parent + key) placing an entity at `index` among its future siblings. */
export function positionAt(
  doc: Y.Doc,
  root: EntityRoot,
  parent: string,
  index: number | undefined,
  exceptId?: string,
): { parent: string; key: string } {
  const siblings = siblingsOf(doc, root, parent, exceptId);
  return { parent, key: keyAt(siblings, index ?? siblings.length) };
}

/** Moves an entity: its whole position is written as ONE value (invariant INV-O3). */
export function moveEntity(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  parent: string,
  index: number,
): boolean {
  const map = getEntity(doc, root, id);
  if (!map) return false;
  map.set(POS, positionAt(doc, root, parent, index, id));
  return true;
}

/** Ids of entities in `root` whose position's parent is `parent`. */
export function childrenOf(doc: Y.Doc, root: EntityRoot, parent: string): string[] {
  return siblingsOf(doc, root, parent).map((s) => s.id);
}
