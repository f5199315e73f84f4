/**
 * Dragging chips onto the matrix with a pointer (mouse, pen or touch). The drag follows the
 * window, not the chip: a chip dragged from the tray is drawn anew on the matrix as soon as it
 * is over it, and the element that was pressed is gone. A press that does not move is a click.
 */
import { type PointerEvent as ReactPointerEvent, type RefObject, useCallback, useRef } from "react";
import { type Placement, placementAt } from "./matrixGeometry.ts";

/** A press moving less than this (px) is a click, not a drag. */
const DRAG_SLOP = 4;

export interface ChipDragHandlers {
  readonly onPreview: (id: string, at: Placement) => void;
  /** The drag ended over the matrix at `at`. */
  readonly onDrop: (id: string, at: Placement) => void;
  /** The drag ended off the matrix: the chip goes back where it was. */
  readonly onCancel: (id: string) => void;
  readonly onClick: (id: string) => void;
}

export function useChipDrag(
  area: RefObject<HTMLElement | null>,
  enabled: boolean,
  handlers: ChipDragHandlers,
): (id: string) => (event: ReactPointerEvent) => void {
  const latest = useRef(handlers);
  latest.current = handlers;

  return useCallback(
    (id: string) => (event: ReactPointerEvent) => {
      if (event.button !== 0) return;
      if (!enabled) {
        latest.current.onClick(id);
        return;
      }
      event.preventDefault();
      const start = { x: event.clientX, y: event.clientY };
      let dragging = false;
      const at = (e: PointerEvent) => {
        const rect = area.current?.getBoundingClientRect();
        return rect ? placementAt(rect, e.clientX, e.clientY) : null;
      };
      const move = (e: PointerEvent) => {
        if (e.pointerId !== event.pointerId) return;
        if (!dragging && Math.hypot(e.clientX - start.x, e.clientY - start.y) < DRAG_SLOP) return;
        dragging = true;
        const place = at(e);
        if (place) latest.current.onPreview(id, place);
      };
      const end = (e: PointerEvent) => {
        if (e.pointerId !== event.pointerId) return;
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", end);
        window.removeEventListener("pointercancel", end);
        if (!dragging) return latest.current.onClick(id);
        const place = e.type === "pointerup" ? at(e) : null;
        if (place) latest.current.onDrop(id, place);
        else latest.current.onCancel(id);
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", end);
      window.addEventListener("pointercancel", end);
    },
    [area, enabled],
  );
}
