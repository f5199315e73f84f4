/** Helpers for the branch merge tests: every slot of some documents, and their values. */
import * as Y from "yjs";
import { ROOT } from "../../src/layout.ts";
import {
  entityIn,
  MERGE_META,
  MERGE_ROOTS,
  type Slot,
  safeMap,
  slotId,
  slotValue,
  textRootNames,
  valueKey,
} from "../../src/branch/slots.ts";

/** Every slot any of the documents has (meta, entities and their fields, points, rich texts). */
export function allSlots(...docs: Y.Doc[]): Slot[] {
  const slots = new Map<string, Slot>();
  const add = (slot: Slot) => slots.set(slotId(slot), slot);
  for (const key of MERGE_META) add({ kind: "meta", key });
  for (const doc of docs) {
    for (const root of MERGE_ROOTS) {
      for (const id of safeMap(doc, ROOT[root])?.keys() ?? []) {
        add({ kind: "entity", root, id });
        for (const key of entityIn(doc, root, id)?.keys() ?? [])
          add({ kind: "field", root, id, key });
      }
    }
    for (const key of safeMap(doc, ROOT.emotions)?.keys() ?? []) add({ kind: "emotion", key });
    for (const name of textRootNames(doc)) add({ kind: "text", name });
  }
  return [...slots.values()];
}

export const valueIn = (doc: Y.Doc, slot: Slot) => valueKey(slotValue(doc, slot));

/** The entity slot a field slot belongs to, if it is one. */
export function entitySlotOf(slot: Slot): string | null {
  return slot.kind === "field" ? slotId({ kind: "entity", root: slot.root, id: slot.id }) : null;
}

/** A separate document with the same state (a branch is seeded like this from a moment). */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
