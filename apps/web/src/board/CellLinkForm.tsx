/**
 * The small in-app form the toolbar's Link button opens: one address field, checked before
 * anything is written (only web and e-mail links), with "Remove link" when the caret is on one.
 * It stays inside the cell's editing area, so focusing it does not end the edit.
 */
import type { Editor } from "@tiptap/react";
import { type FormEvent, useId, useState } from "react";
import { readLinkInput } from "./linkInput.ts";

export function CellLinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.isActive("link") ? String(editor.getAttributes("link").href ?? "") : "";
  const [typed, setTyped] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const link = readLinkInput(typed);
    if (!link.ok) {
      setError(link.error);
      return;
    }
    // Focus goes back to the text before the form goes: Tiptap's focus() waits a frame, and
    // a focused field that disappears in between would leave focus nowhere.
    editor.view.focus();
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link")) {
      // Nothing selected: the address itself becomes the linked text.
      chain
        .insertContent({
          type: "text",
          text: typed.trim(),
          marks: [{ type: "link", attrs: { href: link.href } }],
        })
        .run();
    } else chain.extendMarkRange("link").setLink({ href: link.href }).run();
    onClose();
  };

  const handleRemove = () => {
    editor.view.focus();
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return (
    <form
      className="cell-link-form"
      role="dialog"
      aria-label={current ? "Edit link" : "Add a link"}
      data-testid="board.cell-link-form"
      onSubmit={handleSubmit}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        // Escape closes the form, not the edit: the caret goes back where it was.
        e.stopPropagation();
        editor.view.focus();
        onClose();
      }}
    >
      <input
        type="text"
        inputMode="url"
        // biome-ignore lint/a11y/noAutofocus: the form opens because its field was asked for
        autoFocus
        aria-label="Link address"
        placeholder="example.com"
        value={typed}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="btn btn--primary">
        {current ? "Save" : "Add"}
      </button>
      {current && (
        <button type="button" className="btn" onClick={handleRemove}>
          Remove link
        </button>
      )}
      {error && (
        <p id={errorId} className="cell-link-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
