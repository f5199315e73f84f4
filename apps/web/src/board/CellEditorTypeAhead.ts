/**
 * Keys pressed between opening a cell and its editor taking focus (issue 15, B5): which are
 * held for the editor, and how the editor plays them once it has focus, so typing straight
 * after the click gives the same text as typing a moment later.
 */
import type { Editor } from "@tiptap/core";
import { Selection } from "@tiptap/pm/state";

/** A key held for the editor: text, or an editing key the editor does itself. */
export type HeldKey =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "Backspace" | "Enter" | "Escape" };

/** The parts of a keydown event that decide whether it is held. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly isComposing?: boolean;
}

/** The held form of `event`, or null when it is not the editor's (shortcuts, Tab, arrows). */
export function heldKey(event: KeyPress): HeldKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (event.key === "Backspace" || event.key === "Enter" || event.key === "Escape") {
    return { kind: event.key };
  }
  // Printable keys have a one-character name ("a", "A", " ", "é"); the rest are named.
  return [...event.key].length === 1 ? { kind: "text", text: event.key } : null;
}

/** Backspace as the browser does it in text: the character before the caret. */
function deleteBackward(editor: Editor): void {
  const { selection } = editor.state;
  if (selection.empty && selection.$from.parentOffset > 0) {
    editor.commands.deleteRange({ from: selection.from - 1, to: selection.from });
  } else editor.commands.keyboardShortcut("Backspace");
}

/**
 * Plays `keys` in the editor, in order. True when one was Escape: the cell is closed then,
 * as it would have been had the editor been there (what came before it is kept).
 */
export function playHeldKeys(editor: Editor, keys: readonly HeldKey[]): boolean {
  // They were typed at the end of the text, where the editor opens. Focused from outside (the
  // deleted-while-editing notice), the editor has not yet read the caret the page placed at
  // the end: the first key played went to the start ("eCompares…", an e2e run in CI).
  if (keys.length > 0) {
    editor.commands.command(({ tr }) => {
      tr.setSelection(Selection.atEnd(tr.doc));
      return true;
    });
  }
  for (const key of keys) {
    if (key.kind === "Escape") return true;
    if (key.kind === "text") editor.commands.insertContent(key.text);
    else if (key.kind === "Backspace") deleteBackward(editor);
    else editor.commands.keyboardShortcut("Enter");
  }
  return false;
}
