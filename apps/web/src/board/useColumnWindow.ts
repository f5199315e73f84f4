/**
 * Which board columns to render for the scroll container's current position (columnWindow.ts
 * has the rule). Re-renders the board only when the window moves by a step, not per scroll
 * event.
 */
import { type RefObject, startTransition, useLayoutEffect, useRef, useState } from "react";
import {
  type ColumnRange,
  columnRange,
  covers,
  fitRange,
  sameRange,
  SCROLLING_WINDOW,
  visibleRange,
  type WindowGeometry,
  type WindowSpec,
} from "./columnWindow.ts";

/** The lane-name column's width (`--lane-header-width`, a design token in px). */
function leadingWidth(el: HTMLElement): number {
  const value = Number.parseFloat(getComputedStyle(el).getPropertyValue("--lane-header-width"));
  return Number.isFinite(value) ? value : 184;
}

export function useColumnWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  columnWidth: number,
  zoom: number,
  spec: WindowSpec = SCROLLING_WINDOW,
): ColumnRange {
  const [range, setRange] = useState<ColumnRange>(() => {
    // Before the first layout: assume the window's width at scrollLeft 0 (the layout effect
    // corrects it before the browser paints).
    const width = typeof window === "undefined" ? 1600 : window.innerWidth;
    return columnRange({
      scrollLeft: 0,
      viewportWidth: width,
      zoom,
      columnWidth,
      leadingWidth: 184,
      count,
      overscan: spec.overscan(width),
      step: spec.step,
    });
  });
  const committed = useRef(range);
  useLayoutEffect(() => {
    committed.current = range;
  }, [range]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const lead = leadingWidth(el);
    const geometry = (): WindowGeometry => ({
      scrollLeft: el.scrollLeft,
      viewportWidth: el.clientWidth,
      zoom,
      columnWidth,
      leadingWidth: lead,
      count,
      overscan: spec.overscan(el.clientWidth),
      step: spec.step,
    });
    const measure = () => columnRange(geometry());
    let requested = measure();
    const update = () => {
      const next = measure();
      requested = next;
      setRange((current) => (sameRange(current, next) ? current : next));
    };
    // A scroll's window move renders as a transition: React builds the entering columns in
    // slices between frames instead of holding one frame for all of them, while the overscan
    // still covers the view. When the rendered columns no longer cover what is on screen (a
    // jump: follow mode, "Go to", the minimap), the move renders at once, so the view never
    // waits on a transition that other updates keep interrupting.
    const scrolled = () => {
      const g = geometry();
      const next = columnRange(g);
      if (sameRange(next, requested)) return;
      requested = next;
      const apply = () => setRange((current) => (sameRange(current, next) ? current : next));
      if (covers(committed.current, visibleRange(g))) startTransition(apply);
      else apply();
    };
    update();
    el.addEventListener("scroll", scrolled, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", scrolled);
      resize.disconnect();
    };
  }, [scrollRef, count, columnWidth, zoom, spec]);
  const fitted = fitRange(range, count);
  return sameRange(fitted, range) ? range : fitted;
}

/**
 * The same array as last time while its items are equal, so context providers that take it
 * (dnd-kit's SortableContext) do not re-render every consumer when the board re-renders.
 */
export function useStableList<T>(items: readonly T[]): readonly T[] {
  const ref = useRef(items);
  const current = ref.current;
  if (current.length !== items.length || current.some((item, i) => item !== items[i]))
    ref.current = items;
  return ref.current;
}
