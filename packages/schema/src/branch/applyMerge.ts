/**
 * Applies picked changes of a branch to the original as ONE forward edit: ordinary writes in
 * one transaction with the caller's origin (the local one in the browser, so the board's undo
 * undoes the whole merge and the server attributes it to the person), as restores do
 * (history/restoreMap.ts). The plan is recomputed against the original as it is NOW, so edits
 * made to it since the person looked are kept: a pick that became a conflict meanwhile is not
 * written without a choice, and is reported back instead (INV-B3).
 */
import * as Y from "yjs";
import { trackCells } from "../history/restoreMap.ts";
import { ROOT } from "../layout.ts";
import type { MutationContext } from "../mutations/transact.ts";
import { readRichText, writeRichText } from "../read/richText.ts";
import { type MergeChange, planMerge } from "./mergePlan.ts";
import { entityIn, safeFragment, safeMap, type Slot, slotValue } from "./slots.ts";

export type MergeChoice = "ours" | "theirs";

export interface MergeDecision {
  /** Ids of the changes to bring (see pickChanges). */
  readonly picked: ReadonlySet<string>;
  /** For conflicts: which value wins. A picked conflict without a choice is not written. */
  readonly choices?: ReadonlyMap<string, MergeChoice>;
}

export interface MergeResult {
  /** Slots written (0: nothing changed, and nothing was written). */
  readonly written: number;
  /** Picked conflicts that had no choice (new since the person looked): left as they are. */
  readonly unresolved: readonly MergeChange[];
}

export interface MergeOptions {
  /** The undo manager that should undo the merge (cells are outside its usual scope). */
  readonly undo?: Y.UndoManager;
}

export function applyMerge(
  live: Y.Doc,
  base: Y.Doc,
  theirs: Y.Doc,
  decision: MergeDecision,
  ctx: MutationContext,
  options: MergeOptions = {},
): MergeResult {
  const plan = planMerge(base, live, theirs);
  const unresolved: MergeChange[] = [];
  const chosen = plan.changes.filter((change) => {
    if (!decision.picked.has(change.id)) return false;
    if (change.conflict === null) return true;
    const choice = decision.choices?.get(change.id);
    if (choice === undefined) unresolved.push(change);
    return choice === "theirs";
  });
  const texts = chosen.flatMap((c) => (c.slot.kind === "text" ? [c.slot.name] : []));
  trackCells(live, texts, options.undo);
  let written = 0;
  if (chosen.length > 0) {
    live.transact(() => {
      // Entities first, so fields and points land on what exists.
      const order = (c: MergeChange) => (c.slot.kind === "entity" ? 0 : 1);
      for (const change of [...chosen].sort((a, b) => order(a) - order(b))) {
        if (writeSlot(live, theirs, change.slot)) written++;
      }
    }, ctx.origin);
  }
  return { written, unresolved };
}

/** Makes one slot of `live` hold what it holds in `theirs`. */
function writeSlot(live: Y.Doc, theirs: Y.Doc, slot: Slot): boolean {
  const value = slotValue(theirs, slot);
  switch (slot.kind) {
    case "meta":
      return setOrDelete(safeMap(live, ROOT.meta), slot.key, value);
    case "emotion":
      return setOrDelete(safeMap(live, ROOT.emotions), slot.key, value);
    case "field":
      return setOrDelete(entityIn(live, slot.root, slot.id), slot.key, value);
    case "text": {
      const fragment = safeFragment(live, slot.name);
      if (!fragment) return false;
      writeRichText(fragment, value instanceof Y.XmlFragment ? readRichText(value) : []);
      return true;
    }
    case "entity": {
      const all = safeMap(live, ROOT[slot.root]);
      if (!all) return false;
      const source = entityIn(theirs, slot.root, slot.id);
      if (!source) {
        all.delete(slot.id);
        return true;
      }
      // Recreated under its own id, so references that still name it re-attach.
      const created = new Y.Map<unknown>();
      all.set(slot.id, created);
      for (const [key, field] of source.entries()) setOrDelete(created, key, field);
      return true;
    }
  }
}

/** Sets `key` to a copy of `value` (rich text copied by content), or deletes it when absent. */
function setOrDelete(target: Y.Map<unknown> | null, key: string, value: unknown): boolean {
  if (!target) return false;
  if (value === undefined) {
    target.delete(key);
  } else if (value instanceof Y.XmlFragment) {
    const current = target.get(key);
    if (current instanceof Y.XmlFragment) {
      writeRichText(current, readRichText(value));
    } else {
      const fragment = new Y.XmlFragment();
      target.set(key, fragment);
      writeRichText(fragment, readRichText(value));
    }
  } else if (value instanceof Y.AbstractType) {
    return false;
  } else {
    target.set(key, value);
  }
  return true;
}
