/**
 * Keeps the cell editor's selection in step with the one the browser shows.
 *
 * The browser moves the selection first (Shift+arrows, a drag) and tells ProseMirror in a
 * later selectionchange event; on a busy machine that can come after other work. Three things
 * must not run in that instant with the old selection (issue 15, B5):
 * - an update from someone else to this cell: the collaboration plugin rebuilds the text from
 *   the old selection and writes it back to the page, so the person's selection was lost;
 * - a toolbar button or a key (Ctrl/⌘+B, Enter): it acted on the old selection;
 * - someone else's caret moving in the cell: its marker is a decoration, and ProseMirror
 *   writes its own selection to the page when it redraws them, so the old selection came back
 *   on screen and End then Enter replaced the word End had just left.
 * So the selection the page shows is read into the editor before each of them.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Selection, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";

/** The page's selection in `view` when it differs from the editor's, else null. */
export function unreadSelection(view: EditorView): Selection | null {
  const current = view.state.selection;
  // Node and whole-document selections are the editor's own; only text ones drift.
  if (!(current instanceof TextSelection) || view.composing || !view.hasFocus()) return null;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return null;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    if (anchor === current.anchor && head === current.head) return null;
    const { doc } = view.state;
    return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  } catch {
    return null; // a position the editor cannot map (inside a widget): keep its own
  }
}

/** Reads the page's selection into the editor if the editor has not yet. */
export function catchUpSelection(view: EditorView): void {
  const selection = unreadSelection(view);
  if (selection && !selection.eq(view.state.selection)) {
    view.dispatch(view.state.tr.setSelection(selection));
  }
}

const key = new PluginKey("catchUpSelection");

/** The part of a provider's awareness the extension listens to. */
export interface CaretEvents {
  on(name: "change", listener: (changes: unknown, origin: unknown) => void): void;
  off(name: "change", listener: (changes: unknown, origin: unknown) => void): void;
}

export interface CatchUpSelectionOptions {
  /** The document holding the cell: someone else's update to it rebuilds the editor's text. */
  readonly doc: Y.Doc | null;
  /** Others' carets: one moving redraws the editor (its marker is a decoration). */
  readonly carets: CaretEvents | null;
}

/**
 * The extension: before someone else's update to `doc` is applied, before someone else's caret
 * is redrawn, and before the editor handles a key. High priority, so its key handler runs
 * before the formatting keys and its caret listener before the caret plugin's.
 */
export const CatchUpSelection = Extension.create<CatchUpSelectionOptions>({
  name: "catchUpSelection",
  priority: 10_000,
  addOptions: () => ({ doc: null, carets: null }),
  addProseMirrorPlugins() {
    const { doc, carets } = this.options;
    return [
      new Plugin({
        key,
        view: (view) => {
          // Only others' updates and carets: the editor's own come while focus may be moving
          // into it, when the page's selection is not yet the editor's (the browser puts it at
          // the start). Reading the selection starts the editor's own write, which the
          // collaboration plugin then restores the selection from.
          const beforeChange = (transaction: Y.Transaction) => {
            if (!transaction.local) catchUpSelection(view);
          };
          const beforeCaretMoves = (_changes: unknown, origin: unknown) => {
            if (origin !== "local") catchUpSelection(view);
          };
          doc?.on("beforeTransaction", beforeChange);
          carets?.on("change", beforeCaretMoves);
          return {
            destroy: () => {
              doc?.off("beforeTransaction", beforeChange);
              carets?.off("change", beforeCaretMoves);
            },
          };
        },
        props: {
          handleKeyDown: (view) => {
            catchUpSelection(view);
            return false;
          },
        },
      }),
    ];
  },
});
