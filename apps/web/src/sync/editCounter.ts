/**
 * Counts the edits this browser made that the server has not confirmed, as people count
 * them: one edit is what a person did in one go (a typing session in one cell, one drag, one
 * rename), not one Yjs update per keystroke (issue 15, B4: "15 unsaved changes" for two
 * edits alarmed people whose work was safe in the browser).
 *
 * A local transaction continues the current edit when it touches the same things (the same
 * cell, the same step…) and the person has not moved since (`breakEdit`: they opened or
 * closed an editor, selected something else). Time plays no part, so the count is the same
 * on a loaded machine as on a fast one: it used to end an edit after a 3 s pause, which made
 * two visits to one cell one edit or two depending on how fast they came. Remote and stored
 * updates (provider, IndexedDB) are not ours and never count.
 */
import type * as Y from "yjs";

/** Small numbers standing for Yjs types, so targets compare as strings. */
const typeIds = new WeakMap<object, number>();
let nextTypeId = 1;
function idOf(type: object): number {
  const known = typeIds.get(type);
  if (known !== undefined) return known;
  const id = nextTypeId++;
  typeIds.set(type, id);
  return id;
}

/**
 * What a transaction changed: the children of the document's roots (one step, one card…),
 * the root itself for a cell's text (whose paragraphs and runs come and go), and the key for
 * a root of plain values (one emotion point, the title).
 */
function targetsOf(transaction: Y.Transaction): Set<string> {
  const targets = new Set<string>();
  for (const [changed, keys] of transaction.changed) {
    let type = changed as Y.AbstractType<unknown>;
    let parent = type._item?.parent as Y.AbstractType<unknown> | undefined;
    while (parent?._item) {
      type = parent;
      parent = parent._item.parent as Y.AbstractType<unknown>;
    }
    // `parent` is now the root above `type`, or undefined when `type` is a root.
    if (parent) targets.add(String(idOf(type.constructor === parent.constructor ? type : parent)));
    // A root's own change: a key of a map of plain values, or (null) its content as a whole.
    else
      for (const key of keys)
        targets.add(key === null ? String(idOf(type)) : `${idOf(type)}:${key}`);
  }
  return targets;
}

/** Transactions a person made here; migrations and templates are the app's, not an edit. */
function isPersonsEdit(transaction: Y.Transaction): boolean {
  const origin = transaction.origin as { kind?: unknown } | null;
  return (
    transaction.local &&
    transaction.changed.size > 0 &&
    origin?.kind !== "migration" &&
    origin?.kind !== "template"
  );
}

const sameTargets = (a: ReadonlySet<unknown>, b: ReadonlySet<unknown>) =>
  a.size === b.size && [...a].every((t) => b.has(t));

export interface EditCounter {
  /** Edits since the server last had everything. */
  readonly count: () => number;
  /** The person moved on (another selection, an editor opened or closed): a new edit begins. */
  readonly breakEdit: () => void;
  /** The server confirmed everything: start counting from zero. */
  readonly reset: () => void;
  readonly stop: () => void;
}

/** Counts `doc`'s local edits; `onChange` hears each new count. */
export function countEdits(doc: Y.Doc, onChange: (count: number) => void): EditCounter {
  let count = 0;
  /** What the current edit touches; null: the next change begins a new edit. */
  let last: Set<string> | null = null;
  const handle = (transaction: Y.Transaction) => {
    if (!isPersonsEdit(transaction)) return;
    const targets = targetsOf(transaction);
    const continues = last !== null && sameTargets(last, targets);
    last = targets;
    if (continues) return;
    count++;
    onChange(count);
  };
  doc.on("afterTransaction", handle);
  return {
    count: () => count,
    breakEdit: () => {
      last = null;
    },
    reset: () => {
      last = null;
      if (count === 0) return;
      count = 0;
      onChange(0);
    },
    stop: () => doc.off("afterTransaction", handle),
  };
}
