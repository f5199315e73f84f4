import { useEffect, useRef } from "react";

/**
 * Keeps what is typed between opening a cell and its editor taking focus (the editor chunk may
 * still be loading, and binding the cell's fragment takes a moment), so no keystroke is lost.
 * Returns the function the editor calls once focused: it hands over the text and stops.
 */
export function useTypeAhead(active: boolean): () => string {
  const buffer = useRef<string[] | null>(null);
  useEffect(() => {
    if (!active) return;
    buffer.current = [];
    const keep = (event: KeyboardEvent) => {
      const typed = buffer.current;
      if (!typed || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey)
        return;
      typed.push(event.key);
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
    const text = buffer.current?.join("") ?? "";
    buffer.current = null;
    return text;
  };
}
