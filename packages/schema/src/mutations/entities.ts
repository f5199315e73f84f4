/**
 * The four edits every ordered entity shares (add, update, move, delete), each one
 * transaction; the per-entity files say only what differs: their fields, parent and cascade.
 */
import type * as Y from "yjs";
import { type EntityRoot, POS } from "../layout.ts";
import {
  entityMap,
  insertEntity,
  moveEntity,
  type MutationContext,
  newId,
  positionAt,
  setFields,
  transact,
} from "./transact.ts";

/** Where a new entity goes: `index` among the children of `parent` (appended when omitted). */
export interface Placement {
  readonly parent: string;
  readonly index?: number | undefined;
}

/**
 * Adds an entity under a fresh id. `fields` runs inside the transaction after the id is
 * drawn, so a field it refuses (RangeError) writes nothing.
 */
export function addEntity(
  doc: Y.Doc,
  root: EntityRoot,
  fields: () => Readonly<Record<string, unknown>>,
  at: Placement | null,
  ctx: MutationContext,
): string {
  return transact(doc, ctx, () => {
    const id = newId(ctx);
    const values = fields();
    insertEntity(
      doc,
      root,
      id,
      at ? { ...values, [POS]: positionAt(doc, root, at.parent, at.index) } : values,
    );
    return id;
  });
}

/** Sets the fields that differ; `fields` validates inside the transaction. Missing: false. */
export function updateEntity(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  fields: () => Readonly<Record<string, unknown>>,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => setFields(doc, root, id, fields()));
}

/** Moves an entity to `index` under `parent` (which may be its current parent). */
export function moveEntityTo(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  parent: string,
  index: number,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => moveEntity(doc, root, id, parent, index));
}

/**
 * Deletes an entity and then what goes with it (`cascade`), in the current transaction.
 * Missing entity: false, nothing written.
 */
export function removeEntity(
  doc: Y.Doc,
  root: EntityRoot,
  id: string,
  cascade?: () => void,
): boolean {
  const map = entityMap(doc, root);
  if (!map.has(id)) return false;
  map.delete(id);
  cascade?.();
  return true;
}
