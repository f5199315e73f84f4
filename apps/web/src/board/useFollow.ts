/**
 * Follow mode on the board: zoom and scroll to the followed person's viewport (their view's
 * width fills our window, whatever their zoom and ours), and keep what they have
 * selected in view (our window may be smaller than theirs), rendering its column if the column
 * window left it out. Our own scrolling ends it (the handlers returned, for the scroller).
 */
import { elementKey, type MapReader } from "@journeymap/schema";
import { type KeyboardEvent, type PointerEvent, type RefObject, useEffect, useRef } from "react";
import type { Peer } from "../sync/presence/presenceState.ts";
import { COLUMN_WIDTH, type PhaseSpan } from "./columns.ts";
import { columnOfElement, stepOfCard } from "./columnWindow.ts";
import { elementSelector } from "./elementDom.ts";
import { laneNamesWidth } from "./laneNamesWidth.ts";
import { zoomToShow } from "./zoom.ts";

const SCROLL_KEYS = new Set([
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "PageUp",
  "PageDown",
  "Home",
  "End",
  " ",
]);

/** Where things are on the board now, to scroll a followed selection into view. */
export interface BoardLayout {
  readonly zoom: number;
  /** Column index by column key (a step's id, or `empty-<phase>`). */
  readonly indexOfKey: ReadonlyMap<string, number>;
  readonly spans: readonly PhaseSpan[];
  readonly reader: MapReader;
  /** Sets our zoom: following someone takes their view's width (scaled into our window). */
  readonly onZoom?: (update: (zoom: number) => number) => void;
}

export function useFollow(
  scrollRef: RefObject<HTMLDivElement | null>,
  following: Peer | null,
  onStopFollowing: () => void,
  layout: BoardLayout,
) {
  const { zoom, onZoom } = layout;
  const followingLeft = following?.viewport?.left;
  const followingTop = following?.viewport?.top;
  const followingWidth = following?.viewport?.width;
  useEffect(() => {
    if (followingLeft === undefined || followingTop === undefined) return;
    const scroller = scrollRef.current;
    if (!scroller) return;
    // Their view's width in our window: zoom first, then scroll (this runs again at the new zoom).
    if (followingWidth !== undefined && onZoom) {
      const wanted = zoomToShow(followingWidth, scroller.clientWidth, laneNamesWidth());
      if (Math.abs(wanted - zoom) > zoom * 0.01) {
        onZoom(() => wanted);
        return;
      }
    }
    scroller.scrollTo({ left: followingLeft * zoom, top: followingTop * zoom, behavior: "smooth" });
  }, [scrollRef, followingLeft, followingTop, followingWidth, zoom, onZoom]);

  const followed = following?.selection?.ref ?? null;
  const followedKey = followed ? elementKey(followed) : null;
  const latest = useRef({ layout, followed });
  latest.current = { layout, followed };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `followedKey` stands for `followed`
  useEffect(() => {
    const { layout, followed } = latest.current;
    const { indexOfKey, spans, zoom, reader } = layout;
    if (!followed) return;
    const scroller = scrollRef.current;
    const selector = elementSelector(followed);
    const target = selector ? scroller?.querySelector(selector) : null;
    if (target) {
      target.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "smooth" });
      return;
    }
    // Not rendered (its column is outside the window): scroll its column into view, which
    // renders it.
    const column = columnOfElement(
      followed,
      (id) => indexOfKey.get(id) ?? -1,
      (id) => stepOfCard(reader.read(), id),
      (id) => spans.find((s) => s.phase.id === id)?.start ?? -1,
    );
    if (!scroller || column < 0) return;
    const lead = Number.parseFloat(
      getComputedStyle(scroller).getPropertyValue("--lane-header-width") || "184",
    );
    const left = (lead + column * COLUMN_WIDTH) * zoom;
    const right = left + COLUMN_WIDTH * zoom;
    if (left < scroller.scrollLeft || right > scroller.scrollLeft + scroller.clientWidth)
      scroller.scrollTo({ left: left - lead * zoom, behavior: "smooth" });
  }, [followedKey]);

  return {
    onWheel: () => following && onStopFollowing(),
    onTouchMove: () => following && onStopFollowing(),
    onPointerDown: (e: PointerEvent) => {
      // A press on the scroll container itself is on its scrollbar: our own scroll.
      if (following && e.target === e.currentTarget) onStopFollowing();
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (following && e.target === e.currentTarget && SCROLL_KEYS.has(e.key)) onStopFollowing();
    },
  };
}
