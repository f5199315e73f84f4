/**
 * The formatting toolbar of the cell being edited: bold, italic, lists and link, for people
 * who do not know the shortcuts. Pressing a button never takes focus from the text (the
 * mouse press is cancelled), and the toolbar sits above the editor so it never covers what is
 * being typed. Keyboard: Alt+F10 or Shift+Tab from the text reaches it, arrows move along
 * it, Escape returns to the text.
 */
import { type Editor, useEditorState } from "@tiptap/react";
import { Link } from "lucide-react";
import type { KeyboardEvent, ReactNode } from "react";
import { formatKeys } from "../commands/CommandRegistry.ts";
import { APPLE } from "../commands/useCommands.ts";
import { catchUpSelection } from "./CellEditorSelection.ts";
import { CellLinkForm } from "./CellLinkForm.tsx";
import { ariaKeys, CELL_FORMATS } from "./cellFormats.ts";
import "./CellToolbar.css";

const LINK_KEYS = "$mod+k";

function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
  const to =
    event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : step ? at + step : null;
  if (to === null || at < 0) return;
  event.preventDefault();
  buttons[(to + buttons.length) % buttons.length]?.focus();
}

export interface CellToolbarProps {
  readonly editor: Editor;
  /** The link form is open in place of the buttons (the editor opens it on Ctrl/⌘+K too). */
  readonly linking: boolean;
  readonly onLinkingChange: (linking: boolean) => void;
}

export function CellToolbar({ editor, linking, onLinkingChange }: CellToolbarProps) {
  const pressed = useEditorState({
    editor,
    selector: ({ editor: e }): Record<string, boolean> => ({
      ...Object.fromEntries(CELL_FORMATS.map((f) => [f.id, f.isActive(e)])),
      link: e.isActive("link"),
    }),
  });

  if (linking) {
    return (
      <div className="cell-toolbar">
        <CellLinkForm editor={editor} onClose={() => onLinkingChange(false)} />
      </div>
    );
  }
  const button = (
    id: string,
    label: string,
    keys: string,
    onPress: () => void,
    icon: ReactNode,
  ) => (
    <button
      key={id}
      type="button"
      className="icon-btn cell-toolbar-btn"
      aria-label={label}
      aria-pressed={pressed?.[id] ?? false}
      aria-keyshortcuts={ariaKeys(keys, APPLE)}
      title={`${label} (${formatKeys(keys, APPLE)})`}
      data-testid={`board.format-${id}`}
      // Keeps the caret and selection in the text: the press must not move focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        // The selection just made, even if the editor has not read it yet.
        catchUpSelection(editor.view);
        onPress();
      }}
    >
      {icon}
    </button>
  );
  return (
    <div
      className="cell-toolbar"
      role="toolbar"
      aria-label="Text formatting"
      data-testid="board.cell-toolbar"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          editor.commands.focus();
        } else moveFocus(e);
      }}
    >
      {CELL_FORMATS.map((f) =>
        button(f.id, f.label, f.keys, () => f.run(editor), <f.Icon size={15} aria-hidden="true" />),
      )}
      {button(
        "link",
        "Link",
        LINK_KEYS,
        () => onLinkingChange(true),
        <Link size={15} aria-hidden="true" />,
      )}
    </div>
  );
}

/**
 * The editing area's own keys for the toolbar: Ctrl/⌘+K opens the link form, Alt+F10 moves
 * to the first button (the usual key for an editor's toolbar). True when the key was used.
 */
export function handleToolbarKeys(
  e: KeyboardEvent<HTMLElement>,
  onLinkingChange: (linking: boolean) => void,
): boolean {
  if (e.key.toLowerCase() === "k" && (APPLE ? e.metaKey : e.ctrlKey)) {
    onLinkingChange(true);
  } else if (e.key === "F10" && e.altKey) {
    e.currentTarget.querySelector<HTMLButtonElement>(".cell-toolbar button")?.focus();
  } else return false;
  e.preventDefault();
  return true;
}
