/**
 * The formatting a cell's toolbar offers, as declarative entries (label, shortcut, whether it
 * applies at the caret, what it does), so buttons, pressed states and tooltips come from one
 * list. Link is not here: it asks for an address first (LinkForm).
 */
import type { Editor } from "@tiptap/react";
import { Bold, Italic, List, ListOrdered, type LucideIcon } from "lucide-react";

export interface CellFormat {
  readonly id: string;
  readonly label: string;
  /** Tiptap's own shortcut, in the command registry's notation ("$mod+b"). */
  readonly keys: string;
  readonly Icon: LucideIcon;
  readonly isActive: (editor: Editor) => boolean;
  /** Applies the format and gives the editor its focus back. */
  readonly run: (editor: Editor) => void;
}

export const CELL_FORMATS: readonly CellFormat[] = [
  {
    id: "bold",
    label: "Bold",
    keys: "$mod+b",
    Icon: Bold,
    isActive: (e) => e.isActive("bold"),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    id: "italic",
    label: "Italic",
    keys: "$mod+i",
    Icon: Italic,
    isActive: (e) => e.isActive("italic"),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: "bulletList",
    label: "Bulleted list",
    keys: "$mod+Shift+8",
    Icon: List,
    isActive: (e) => e.isActive("bulletList"),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: "orderedList",
    label: "Numbered list",
    keys: "$mod+Shift+7",
    Icon: ListOrdered,
    isActive: (e) => e.isActive("orderedList"),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
];

/** "$mod+Shift+8" as aria-keyshortcuts wants it ("Control+Shift+8", "Meta+Shift+8"). */
export function ariaKeys(keys: string, apple: boolean): string {
  return keys
    .replace("$mod", apple ? "Meta" : "Control")
    .replace(/\+([a-z])$/, (_, k: string) => `+${k.toUpperCase()}`);
}
