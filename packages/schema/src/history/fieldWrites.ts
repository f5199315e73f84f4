/**
 * Names and positions as single writes: which of them a transaction changed, the value each
 * holds now and which write put it there. One plain value per field converges on one winner
 * under concurrent edits (SPEC INV-D*), so the other person's value silently disappears; this
 * is what lets the board tell them (issue 15, B2) without anything outside the schema reading
 * Y types by key.
 *
 * A write is named by its Yjs item id (client, clock). `replaced` is the write its author saw
 * in that field when writing (Yjs records it as the item's origin): a write that did not see
 * mine was concurrent with it.
 */
import * as Y from "yjs";
import type { RefOf } from "../elementRef/elementRef.ts";
import { CARD, LANE, PERSONA, PHASE, ROOT, TOUCHPOINT } from "../layout.ts";
import { toPosition, toText } from "../read/coerce.ts";

export type WatchedKind = "phase" | "touchpoint" | "lane" | "persona" | "card";
export type WatchedField = "name" | "title" | "pos";

/** Which fields of which collections are watched: what people see as a name, and moves. */
const WATCHED: ReadonlyArray<{
  readonly root: string;
  readonly kind: WatchedKind;
  readonly fields: readonly WatchedField[];
}> = [
  { root: ROOT.phases, kind: "phase", fields: [PHASE.name] },
  { root: ROOT.touchpoints, kind: "touchpoint", fields: [TOUCHPOINT.name, TOUCHPOINT.pos] },
  { root: ROOT.lanes, kind: "lane", fields: [LANE.name] },
  { root: ROOT.personas, kind: "persona", fields: [PERSONA.name] },
  { root: ROOT.cards, kind: "card", fields: [CARD.title, CARD.pos] },
];

export interface WriteId {
  readonly client: number;
  readonly clock: number;
}

/** A name (text) or a position (`{ parent, key }`), read as the read model reads it. */
export type WatchedValue = string | { readonly parent: string; readonly key: string };

export interface FieldWrite {
  readonly ref: RefOf<WatchedKind>;
  readonly field: WatchedField;
  readonly value: WatchedValue;
  /** The write that holds the value now. */
  readonly by: WriteId;
  /** The write its author saw in the field and replaced (null: the field's first write). */
  readonly replaced: WriteId | null;
}

/** Two watched values are the same name or the same place. */
export function sameWatchedValue(a: WatchedValue, b: WatchedValue): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.parent === b.parent && a.key === b.key;
}

/** The watched fields `transaction` changed on existing entities, with who holds them now. */
export function fieldWritesOf(transaction: Y.Transaction): FieldWrite[] {
  const doc = transaction.doc;
  const out: FieldWrite[] = [];
  for (const [type, keys] of transaction.changed) {
    const item = type._item;
    if (!(type instanceof Y.Map) || !item || item.deleted || typeof item.parentSub !== "string") {
      continue;
    }
    const watched = WATCHED.find((w) => doc.share.get(w.root) === item.parent);
    if (!watched) continue;
    for (const key of keys) {
      const field = watched.fields.find((f) => f === key);
      if (!field) continue;
      const write = type._map.get(field);
      if (!write || write.deleted) continue;
      const raw = type.get(field);
      out.push({
        ref: { kind: watched.kind, id: item.parentSub } as RefOf<WatchedKind>,
        field,
        value: field === "pos" ? toPosition(raw) : toText(raw),
        by: { client: write.id.client, clock: write.id.clock },
        replaced: write.origin ? { client: write.origin.client, clock: write.origin.clock } : null,
      });
    }
  }
  return out;
}
