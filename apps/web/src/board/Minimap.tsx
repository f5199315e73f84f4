/**
 * An overview of a long journey: phases as coloured blocks in proportion to their steps, each
 * shown persona's curve, and the visible part of the board as a frame. Click or drag on it to
 * scroll there. Drawn from the read model (not a copy of the DOM), so it costs little. Shown in
 * the view bar by BoardMinimap.
 */
import { emotionKey, type EmotionPoint, type Persona } from "@journeymap/schema";
import { memo, type PointerEvent, type RefObject, useEffect, useRef } from "react";
import type { Column, PhaseSpan } from "./columns.ts";
import { curvePath, scoreToY } from "./curve.ts";
import "./Minimap.css";

// A strip in the view bar (BoardMinimap): it never covers the board.
const WIDTH = 220;
const HEIGHT = 28;
const BAND = 7;
const CURVE = { height: HEIGHT - BAND, padding: 6 };

interface View {
  readonly left: number;
  readonly width: number;
}

function viewOf(el: HTMLElement): View {
  return {
    left: el.scrollLeft / Math.max(1, el.scrollWidth),
    width: Math.min(1, el.clientWidth / Math.max(1, el.scrollWidth)),
  };
}

const frameX = (view: View) => view.left * WIDTH;
const frameWidth = (view: View) => Math.max(4, view.width * WIDTH);
const frameTransform = (view: View) => `translateX(${frameX(view)}px)`;

/**
 * Moves the view frame with a transform on its own compositor layer (Minimap.css): setting its
 * `x` repainted the page's root layer, the whole 1600 × 1000 window on a desktop, on every frame
 * of a scroll (issue 15, B12). Its width changes only when the board's width does.
 */
function placeFrame(rect: SVGRectElement | null, view: View) {
  if (!rect) return;
  rect.style.transform = frameTransform(view);
  const width = String(frameWidth(view));
  if (rect.getAttribute("width") !== width) rect.setAttribute("width", width);
}

export function Minimap({
  columns,
  spans,
  personas,
  emotions,
  scroller,
}: {
  columns: readonly Column[];
  spans: readonly PhaseSpan[];
  personas: readonly Persona[];
  emotions: ReadonlyMap<string, EmotionPoint>;
  scroller: RefObject<HTMLElement | null>;
}) {
  // The frame follows the scroll without React: a render per scroll event (60 a second) is
  // main-thread time taken from the board's own frames.
  const frame = useRef<SVGRectElement>(null);
  const view = useRef<View>({ left: 0, width: 1 });
  const dragging = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      view.current = viewOf(el);
      placeFrame(frame.current, view.current);
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    if (el.firstElementChild) resize.observe(el.firstElementChild);
    return () => {
      el.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, [scroller]);

  const scrollTo = (event: PointerEvent<SVGSVGElement>) => {
    const el = scroller.current;
    if (!el) return;
    const box = event.currentTarget.getBoundingClientRect();
    const at = (event.clientX - box.left) / box.width;
    el.scrollLeft = (at - view.current.width / 2) * el.scrollWidth;
  };
  return (
    <div className="minimap" data-testid="board.minimap" title="Map overview: click to scroll">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        // A pointer shortcut only: keyboard users scroll the board itself (arrow keys, Go to).
        aria-hidden="true"
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          scrollTo(e);
        }}
        onPointerMove={(e) => dragging.current && scrollTo(e)}
        onPointerUp={() => {
          dragging.current = false;
        }}
      >
        <MinimapDrawing columns={columns} spans={spans} personas={personas} emotions={emotions} />
        <rect
          ref={frame}
          className="minimap-view"
          x={0}
          y={0.5}
          style={{ transform: frameTransform(view.current) }}
          width={frameWidth(view.current)}
          height={HEIGHT - 1}
          rx={3}
        />
      </svg>
    </div>
  );
}

/**
 * Phases and curves: memoized, so scrolling (which moves only the view frame) does not
 * recompute the curves of a 300-step map on every scroll event.
 */
const MinimapDrawing = memo(function MinimapDrawing({
  columns,
  spans,
  personas,
  emotions,
}: {
  columns: readonly Column[];
  spans: readonly PhaseSpan[];
  personas: readonly Persona[];
  emotions: ReadonlyMap<string, EmotionPoint>;
}) {
  const n = Math.max(1, columns.length);
  const colWidth = WIDTH / n;
  const curveOf = (persona: Persona) =>
    columns.flatMap((column, i) => {
      if (column.kind !== "touchpoint") return [];
      const score = emotions.get(emotionKey(persona.id, column.touchpoint.id))?.score;
      return score === undefined
        ? []
        : [{ x: (i + 0.5) * colWidth, y: BAND + scoreToY(score, CURVE) }];
    });

  return (
    <>
      {spans.map(({ phase, start, span }) => (
        <g key={phase.id}>
          <rect
            x={start * colWidth + 0.5}
            y={0}
            width={Math.max(1, span * colWidth - 1)}
            height={BAND - 2}
            rx={2}
            fill={phase.colour}
          >
            <title>{phase.name}</title>
          </rect>
          <rect
            x={start * colWidth + 0.5}
            y={BAND}
            width={Math.max(1, span * colWidth - 1)}
            height={HEIGHT - BAND}
            fill={phase.colour}
            opacity={0.1}
          />
        </g>
      ))}
      <line
        x1={0}
        x2={WIDTH}
        y1={BAND + scoreToY(0, CURVE)}
        y2={BAND + scoreToY(0, CURVE)}
        className="emotion-midline"
      />
      {personas.map((p) => (
        <path
          key={p.id}
          d={curvePath(curveOf(p))}
          fill="none"
          stroke={p.colour}
          strokeWidth={1.5}
        />
      ))}
    </>
  );
});
