/**
 * Ctrl/⌘+wheel (and a trackpad pinch, which Chromium sends as Ctrl+wheel) zooms the board
 * around the pointer instead of the whole page. The listener is not passive, so the browser's
 * own page zoom can be prevented; the scroll that keeps the point under the pointer is applied
 * once the board has been laid out at the new zoom.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import { scrollKeepingPoint, zoomByWheel } from "./zoom.ts";

interface Anchor {
  readonly from: number;
  readonly x: number;
  readonly y: number;
  readonly left: number;
  readonly top: number;
}

export function useWheelZoom(
  scrollRef: RefObject<HTMLElement | null>,
  zoom: number,
  onZoom: ((update: (zoom: number) => number) => void) | undefined,
) {
  const anchor = useRef<Anchor | null>(null);
  const current = useRef(zoom);
  current.current = zoom;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !onZoom) return;
    const handleWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const box = el.getBoundingClientRect();
      // Several wheel events may arrive before the next render: anchor on the first one.
      anchor.current ??= {
        from: current.current,
        x: e.clientX - box.left,
        y: e.clientY - box.top,
        left: el.scrollLeft,
        top: el.scrollTop,
      };
      const delta = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 33 : e.deltaY;
      onZoom((z) => zoomByWheel(z, delta));
    };
    el.addEventListener("wheel", handleWheel, { passive: false });
    return () => el.removeEventListener("wheel", handleWheel);
  }, [scrollRef, onZoom]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const at = anchor.current;
    anchor.current = null;
    if (!el || !at || at.from === zoom) return;
    el.scrollLeft = scrollKeepingPoint(at.left, at.x, at.from, zoom);
    el.scrollTop = scrollKeepingPoint(at.top, at.y, at.from, zoom);
  }, [scrollRef, zoom]);
}
