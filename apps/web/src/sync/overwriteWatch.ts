/**
 * Tells when someone else's write replaced one of mine (issue 15, B2): two people renaming one
 * step, or moving one card to different places, converge on one winner, and the other
 * person's change used to disappear without a word.
 *
 * It remembers my latest write to each watched field (names and positions, see the schema's
 * fieldWrites) and, for every remote transaction, reports the fields whose value is no longer
 * mine when the other write did not see mine: a race, or offline work meeting on reconnect,
 * which Yjs settles silently. A later change by someone who had mine on screen is ordinary
 * collaboration (reporting it told people about every rename of what they had just named).
 * Each overwrite is reported once; the author is the Yjs client id of the winning write, which
 * presence turns into a name.
 */
import {
  elementKey,
  type FieldWrite,
  fieldWritesOf,
  type RefOf,
  sameWatchedValue,
  type WatchedField,
  type WatchedKind,
  type WatchedValue,
  type WriteId,
} from "@journeymap/schema";
import type * as Y from "yjs";

/** Writes remembered at most (the oldest go first): a long session must not grow without end. */
export const MAX_REMEMBERED = 500;

export interface Overwrite {
  readonly ref: RefOf<WatchedKind>;
  readonly field: WatchedField;
  /** What I had written. */
  readonly mine: WatchedValue;
  /** What the field holds now. */
  readonly theirs: WatchedValue;
  /** The Yjs client id of the write that replaced mine. */
  readonly by: number;
}

interface MyWrite {
  readonly value: WatchedValue;
  readonly id: WriteId;
}

/** Transactions a person made here; migrations and templates are the app's own. */
function isMine(transaction: Y.Transaction): boolean {
  const kind = (transaction.origin as { kind?: unknown } | null)?.kind;
  return transaction.local && kind !== "migration" && kind !== "template";
}

const sameWrite = (a: WriteId | null, b: WriteId) =>
  a !== null && a.client === b.client && a.clock === b.clock;

/** Watches `doc`; `onOverwrite` hears each of my writes that another replaced. */
export function watchOverwrites(
  doc: Y.Doc,
  onOverwrite: (overwrite: Overwrite) => void,
): { readonly stop: () => void } {
  const mine = new Map<string, MyWrite>();
  const slot = (write: FieldWrite) => `${elementKey(write.ref)}#${write.field}`;

  const remember = (write: FieldWrite) => {
    const key = slot(write);
    mine.delete(key); // re-inserted last: the Map's order is the age order
    mine.set(key, { value: write.value, id: write.by });
    if (mine.size > MAX_REMEMBERED) mine.delete(mine.keys().next().value as string);
  };

  const check = (write: FieldWrite) => {
    const key = slot(write);
    const my = mine.get(key);
    if (!my || sameWatchedValue(write.value, my.value)) return;
    mine.delete(key);
    if (sameWrite(write.replaced, my.id)) return; // they saw mine and chose to change it
    onOverwrite({
      ref: write.ref,
      field: write.field,
      mine: my.value,
      theirs: write.value,
      by: write.by.client,
    });
  };

  const handle = (transaction: Y.Transaction) => {
    const writes = fieldWritesOf(transaction);
    if (writes.length === 0) return;
    if (isMine(transaction)) for (const write of writes) remember(write);
    else if (!transaction.local) for (const write of writes) check(write);
  };
  doc.on("afterTransaction", handle);
  return { stop: () => doc.off("afterTransaction", handle) };
}
