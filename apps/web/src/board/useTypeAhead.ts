import { useEffect, useRef } from "react";
import { type HeldKey, heldKey } from "./CellEditorTypeAhead.ts";

/**
 * Keeps what is typed between opening a cell and its editor taking focus (the editor chunk may
 * still be loading, and binding the cell's fragment takes a moment), so no keystroke is lost:
 * text, Backspace and Enter, and an Escape (after which nothing more is held: the person is
 * done with the cell). Returns the function the editor calls once focused: it hands over the
 * keys and stops holding.
 */
export function useTypeAhead(active: boolean): () => readonly HeldKey[] {
  const buffer = useRef<HeldKey[] | null>(null);
  useEffect(() => {
    if (!active) return;
    buffer.current = [];
    const keep = (event: KeyboardEvent) => {
      const typed = buffer.current;
      const held = typed && !typed.some((k) => k.kind === "Escape") ? heldKey(event) : null;
      if (!typed || !held) return;
      typed.push(held);
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("keydown", keep, true);
    return () => {
      window.removeEventListener("keydown", keep, true);
      buffer.current = null;
    };
  }, [active]);
  return () => {
    const keys = buffer.current ?? [];
    buffer.current = null;
    return keys;
  };
}
