/**
 * Keeps the formatting chosen at the caret (Bold or Italic pressed with nothing selected, for
 * the next letters typed) when someone else's update to the cell arrives (issue 15, B5).
 *
 * The collaboration plugin applies such an update by replacing the editor's whole document
 * and putting the selection back; a transaction that changes the document drops the stored
 * marks, so Ctrl/⌘+B pressed just before Ben typed elsewhere in the cell was silently undone
 * and the next word came out plain. The person did not change their mind: the marks are put
 * back when the caret is still a caret and the marks are allowed where it now is.
 */
import { Extension } from "@tiptap/core";
import type { Mark } from "@tiptap/pm/model";
import {
  type EditorState,
  Plugin,
  PluginKey,
  TextSelection,
  type Transaction,
} from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/** What the collaboration plugin sets on the transactions it makes from Yjs changes. */
interface SyncMeta {
  readonly isChangeOrigin?: boolean;
  readonly isUndoRedoOperation?: boolean;
}

/** True for a transaction that applied someone else's change (not an undo of one's own). */
export function isRemoteChange(transaction: Transaction): boolean {
  const meta = transaction.getMeta(ySyncPluginKey) as SyncMeta | undefined;
  return Boolean(meta?.isChangeOrigin) && !meta?.isUndoRedoOperation;
}

/** The marks to store again after `transactions` turned `before` into `after`, or null. */
export function marksToKeep(
  transactions: readonly Transaction[],
  before: EditorState,
  after: EditorState,
): readonly Mark[] | null {
  const marks = before.storedMarks;
  if (!marks || after.storedMarks || transactions.length === 0) return null;
  // Anything else in the batch (a key, a command) had its own say about the marks.
  if (!transactions.every(isRemoteChange)) return null;
  const caret = after.selection instanceof TextSelection ? after.selection.$cursor : null;
  if (!caret || !before.selection.empty) return null;
  const allowed = marks.every((m) => caret.parent.type.allowsMarkType(m.type));
  return allowed ? marks : null;
}

const key = new PluginKey("keepStoredMarks");

/** The plugin on its own (tests use it without an editor view). */
export function keepStoredMarksPlugin(): Plugin {
  return new Plugin({
    key,
    appendTransaction: (transactions, before, after) => {
      const marks = marksToKeep(transactions, before, after);
      return marks ? after.tr.setStoredMarks([...marks]) : null;
    },
  });
}

export const KeepStoredMarks = Extension.create({
  name: "keepStoredMarks",
  addProseMirrorPlugins: () => [keepStoredMarksPlugin()],
});
