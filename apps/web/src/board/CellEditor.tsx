/**
 * The rich-text editor of one cell: Tiptap on the cell's Y.XmlFragment, with others' carets.
 * Mounted only for the cell being edited (the rest render statically), and loaded lazily so
 * the board does not download ProseMirror until someone edits text.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { safeHref } from "@journeymap/schema";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { CatchUpSelection } from "./CellEditorSelection.ts";
import { KeepStoredMarks } from "./CellEditorStoredMarks.ts";
import { type HeldKey, playHeldKeys } from "./CellEditorTypeAhead.ts";
import { CellToolbar, handleToolbarKeys } from "./CellToolbar.tsx";
import "./CellEditor.css";

export interface CellEditorProps {
  readonly fragment: Y.XmlFragment;
  readonly provider: HocuspocusProvider | null;
  readonly label: string;
  /** The keys pressed before the editor had focus, to play once it has. */
  readonly takeTypedAhead: () => readonly HeldKey[];
  readonly onDone: () => void;
}

export default function CellEditor({
  fragment,
  provider,
  label,
  takeTypedAhead,
  onDone,
}: CellEditorProps) {
  const editor = useEditor({
    extensions: [
      // Undo comes from the collaboration plugin (per fragment, own edits only).
      StarterKit.configure({
        undoRedo: false,
        // Links open from the board, not while editing; only web and e-mail links are kept.
        link: {
          openOnClick: false,
          defaultProtocol: "https",
          isAllowedUri: (url) => safeHref(url) !== null,
        },
      }),
      Collaboration.configure({ fragment }),
      // Someone else's update or caret, or a key, must not act on a selection the editor has
      // not read…
      CatchUpSelection.configure({ doc: fragment.doc, carets: provider?.awareness ?? null }),
      // …nor undo Bold or Italic chosen at the caret for the next letters.
      KeepStoredMarks,
      // The server sets every state's user (name, colour): we pass placeholders it replaces.
      ...(provider
        ? [CollaborationCaret.configure({ provider, user: { name: "", color: "#666666" } })]
        : []),
    ],
    autofocus: "end",
    editorProps: { attributes: { "aria-label": label, "data-testid": "board.cell-editor" } },
    onFocus: ({ editor }) => {
      if (playHeldKeys(editor, takeTypedAhead())) onDone();
    },
  });
  useFocusWhenLeftUnfocused(editor);
  const [linking, setLinking] = useState(false);
  return (
    // The edit ends when focus leaves the text and its toolbar, not when it moves between them.
    // biome-ignore lint/a11y/noStaticElementInteractions: it only watches focus and keys of the text and toolbar inside it
    <div
      className="cell-editing"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onDone();
      }}
      onKeyDown={(e) => handleToolbarKeys(e, setLinking)}
    >
      <CellToolbar editor={editor} linking={linking} onLinkingChange={setLinking} />
      <EditorContent
        editor={editor}
        className="cell-editor"
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone();
        }}
      />
    </div>
  );
}

/**
 * Tiptap's autofocus (a timeout, then a frame) was seen to miss on a slow page (CI: the editor
 * open, unfocused, and every key typed after the click held for a focus that never came). If
 * nothing else has focus shortly after the editor opened, give it focus; keys held meanwhile
 * are then played. Never takes focus from something the person moved to.
 */
function useFocusWhenLeftUnfocused(editor: ReturnType<typeof useEditor>): void {
  useEffect(() => {
    if (!editor) return;
    const timers = [150, 500, 1500].map((ms) =>
      window.setTimeout(() => {
        const idle = document.activeElement === null || document.activeElement === document.body;
        if (!editor.isDestroyed && !editor.isFocused && idle) editor.commands.focus("end");
      }, ms),
    );
    return () => {
      for (const t of timers) window.clearTimeout(t);
    };
  }, [editor]);
}
