/**
 * What the board grid tells others and opens on its own: our selection (what has focus or
 * was pressed), pointer and viewport go to presence; a right click, the context-menu key or
 * Shift+F10 opens the context menu of the phase, step or lane under it.
 */
import type { KeyboardEvent, PointerEvent, RefObject, UIEvent } from "react";
import { useEffect, useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import { type CommandTarget, isCommandTarget } from "../commands/CommandRegistry.ts";
import { isSelectable } from "../sync/presence/presenceState.ts";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";
import { elementAt } from "./elementDom.ts";

/** The phase, step or lane an event happened on, for its context menu. */
function menuTarget(target: EventTarget): { target: CommandTarget; el: HTMLElement } | null {
  const hit = elementAt(target);
  return hit && isCommandTarget(hit.ref) ? { target: hit.ref, el: hit.el } : null;
}

export interface GridEventOptions {
  readonly awareness: Awareness | null;
  readonly zoom: number;
  readonly gridRef: RefObject<HTMLElement | null>;
  readonly onMenu: (target: CommandTarget, x: number, y: number, from: HTMLElement | null) => void;
  /** The column (its data-column-id) that took focus: the column window keeps it rendered. */
  readonly onFocusColumn: (key: string) => void;
}

export function useGridEvents({
  awareness,
  zoom,
  gridRef,
  onMenu,
  onFocusColumn,
}: GridEventOptions) {
  const publish = useMemo(() => presenceWriter(awareness), [awareness]);
  // Our viewport, in unzoomed board coordinates, with its size: a follower scales it into
  // their own window (useFollow).
  const publishViewport = (el: HTMLElement) =>
    publish.viewport({
      left: Math.round(el.scrollLeft / zoom),
      top: Math.round(el.scrollTop / zoom),
      width: Math.round(el.clientWidth / zoom),
      height: Math.round(el.clientHeight / zoom),
    });
  // A zoom changes what we see without a scroll event.
  // biome-ignore lint/correctness/useExhaustiveDependencies: published again when the zoom changes
  useEffect(() => {
    const scroller = gridRef.current?.parentElement;
    if (scroller) publishViewport(scroller);
  }, [zoom, publish]);
  const select = (target: EventTarget) => {
    const hit = elementAt(target);
    if (!hit || !isSelectable(hit.ref)) return;
    const editing = !!(target as Element).closest?.("[contenteditable=true], input, textarea");
    publish.select({ ref: hit.ref, editing });
  };
  const openMenuAt = (target: EventTarget, x: number, y: number) => {
    const hit = menuTarget(target);
    if (!hit) return false;
    onMenu(hit.target, x, y, hit.el);
    return true;
  };
  return {
    publish,
    /** For the scrolling container: our viewport, in unzoomed board coordinates. */
    onScroll: (e: UIEvent<HTMLElement>) => publishViewport(e.currentTarget),
    /** For the grid element. */
    grid: {
      onFocusCapture: (e: { target: EventTarget }) => {
        select(e.target);
        const key = (e.target as Element)
          .closest?.("[data-column-id]")
          ?.getAttribute("data-column-id");
        if (key) onFocusColumn(key);
      },
      onBlurCapture: publish.stopEditing,
      onPointerDownCapture: (e: PointerEvent) => select(e.target),
      onPointerMove: (e: PointerEvent) => {
        const box = gridRef.current?.getBoundingClientRect();
        if (box)
          publish.pointer({
            x: Math.round((e.clientX - box.left) / zoom),
            y: Math.round((e.clientY - box.top) / zoom),
          });
      },
      onContextMenu: (e: {
        target: EventTarget;
        clientX: number;
        clientY: number;
        preventDefault(): void;
      }) => {
        if ((e.target as Element).closest("input, textarea, [contenteditable=true]")) return;
        if (openMenuAt(e.target, e.clientX, e.clientY)) e.preventDefault();
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== "ContextMenu" && !(e.shiftKey && e.key === "F10")) return;
        const box = (e.target as Element).getBoundingClientRect();
        if (openMenuAt(e.target, box.left + 8, box.bottom)) e.preventDefault();
      },
      onPointerLeave: () => publish.pointer(null),
    },
  };
}
