/**
 * Marks on the board, drawn over it without touching the board's components: a numbered pin
 * on every item with open comment threads, an evidence count on steps and pain points (with
 * the contributors' mean sentiment), and, with the evidence layer on, "Assumed" on steps that
 * no evidence backs. Only marks whose column is near the viewport are drawn (the board renders
 * only those columns). Steps, cells and phases are placed from the grid's geometry
 * (board/markerGeometry.ts: columns have a fixed width, rows are measured once per row); cards
 * and curve points, whose place inside a column depends on their content, are measured by
 * their `data-presence` keys, in view only. Map changes, zoom, resizes and scrolling update
 * the marks.
 */
import {
  describeTally,
  type EvidenceTally,
  evidenceInsights,
  type TalkTarget,
} from "@journeymap/schema";
import { FileText, MessageSquare } from "lucide-react";
import { type RefObject, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { boardColumns, COLUMN_WIDTH, columnKey } from "../../board/columns.ts";
import { columnOfPresenceKey } from "../../board/columnWindow.ts";
import { type Box, type GridMetrics, geometryBox, rowsFrom } from "../../board/markerGeometry.ts";
import { useColumnWindow } from "../../board/useColumnWindow.ts";
import { useTalk } from "../useTalk.ts";
import { sentimentClass, signed } from "../inbox/labels.ts";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import { presenceKeyOf } from "./targets.ts";
import "./talk.css";

interface Mark {
  readonly key: string;
  /** Finds the element the mark belongs to. */
  readonly selector: string;
  /** Contributors' mean sentiment, drawn beside the persona's point on the curve. */
  readonly voice?: number;
  readonly comments: number;
  readonly target: TalkTarget | null;
  readonly evidence: { total: number; title: string; sentiment: number | null } | null;
  readonly assumed: boolean;
}

/** The lane-name column's width, the phase row's height and each lane row, unzoomed. */
function measureRows(grid: HTMLElement, zoom: number): GridMetrics {
  const origin = grid.getBoundingClientRect();
  const corner = grid.querySelector(".corner")?.getBoundingClientRect();
  const band = grid.querySelector(".phase-band")?.getBoundingClientRect();
  const lanes = [...grid.querySelectorAll<HTMLElement>(".lane-header[data-lane-id]")].map((el) => {
    const r = el.getBoundingClientRect();
    return {
      id: el.getAttribute("data-lane-id") ?? "",
      top: (r.top - origin.top) / zoom,
      height: r.height / zoom,
    };
  });
  return {
    leading: corner ? corner.width / zoom : 184,
    columnWidth: COLUMN_WIDTH,
    ...rowsFrom(band ? band.height / zoom : 56, lanes),
  };
}

export function BoardMarkers({
  zoom,
  showAssumptions,
  onOpenThread,
}: {
  zoom: number;
  showAssumptions: boolean;
  onOpenThread: (target: TalkTarget) => void;
}) {
  const talk = useTalk();
  const map = useJourneyMap((m) => m);
  const { reader } = useMapSession();
  const ref = useRef<HTMLDivElement>(null);
  // The board's scroll container: the markers sit in the grid, the grid in the scroller.
  const scroller = useMemo(
    (): RefObject<HTMLElement | null> => ({
      get current() {
        return ref.current?.parentElement?.parentElement ?? null;
      },
    }),
    [],
  );
  const [metrics, setMetrics] = useState<GridMetrics | null>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Box>>(new Map());
  const [tick, remeasure] = useReducer((n: number) => n + 1, 0);
  const { phases, touchpointsByPhase } = map;
  const { columns, spans } = useMemo(
    () => boardColumns({ phases, touchpointsByPhase }),
    [phases, touchpointsByPhase],
  );
  const range = useColumnWindow(scroller, columns.length, COLUMN_WIDTH, zoom);

  const marks = useMemo(() => {
    const byKey = new Map<string, Mark>();
    const mark = (key: string): Mark =>
      byKey.get(key) ?? {
        key,
        selector: `[data-presence="${CSS.escape(key)}"]`,
        comments: 0,
        target: null,
        evidence: null,
        assumed: false,
      };
    for (const thread of talk.threads) {
      if (thread.resolved) continue;
      const key = presenceKeyOf(thread.target);
      const m = mark(key);
      byKey.set(key, { ...m, comments: m.comments + 1, target: thread.target });
    }
    const insights = evidenceInsights(map);
    const evidence = (t: EvidenceTally) => ({
      total: t.total,
      sentiment: t.sentiment,
      title: `${describeTally(t)}${t.sentiment === null ? "" : ` · contributors' mean sentiment ${signed(t.sentiment)}`}`,
    });
    for (const [id, t] of insights.byTouchpoint) {
      const key = `touchpoint:${id}`;
      byKey.set(key, { ...mark(key), evidence: evidence(t) });
      // Beside the shown persona's point at this step (if it has one): what customers said.
      if (t.sentiment !== null)
        byKey.set(`voice:${id}`, {
          ...mark(`voice:${id}`),
          selector: `[data-presence^="point:"][data-presence$="/${CSS.escape(id)}"]`,
          voice: t.sentiment,
        });
    }
    for (const [id, t] of insights.byCard) {
      const key = `card:${id}`;
      byKey.set(key, { ...mark(key), evidence: evidence(t) });
    }
    if (showAssumptions)
      for (const id of insights.assumed) {
        const key = `touchpoint:${id}`;
        byKey.set(key, { ...mark(key), assumed: true });
      }
    return [...byKey.values()];
  }, [talk.threads, map, showAssumptions]);

  // Each mark's column; marks outside the rendered window are not drawn.
  const lookups = useMemo(() => {
    const index = new Map(columns.map((c, i) => [columnKey(c), i]));
    const columnOf = (id: string) => index.get(id) ?? -1;
    const cardStep = (id: string) => {
      for (const [step, cards] of map.cardsByTouchpoint)
        if (cards.some((c) => c.id === id)) return step;
      return undefined;
    };
    const phaseSpan = (id: string) => spans.find((s) => s.phase.id === id) ?? null;
    const columnOfMark = (key: string) =>
      columnOfPresenceKey(
        key.startsWith("voice:") ? `touchpoint:${key.slice(6)}` : key,
        columnOf,
        cardStep,
        (id) => phaseSpan(id)?.start ?? -1,
      );
    return { columnOf, phaseSpan, columnOfMark };
  }, [columns, spans, map.cardsByTouchpoint]);
  const inView = useMemo(
    () =>
      marks.filter((m) => {
        const column = lookups.columnOfMark(m.key);
        // A phase band is drawn whole: keep its mark if any of its columns is in view.
        const span = m.key.startsWith("phase:") ? lookups.phaseSpan(m.key.slice(6)) : null;
        const end = span ? span.start + span.span - 1 : column;
        return column >= 0 && end >= range.first && column <= range.last;
      }),
    [marks, lookups, range],
  );

  // Re-measure when the map changes (columns move), on resizes and on zoom.
  useLayoutEffect(() => {
    const grid = ref.current?.parentElement;
    if (!grid) return;
    const observer = new ResizeObserver(remeasure);
    observer.observe(grid);
    const unsubscribe = reader.subscribe(() => requestAnimationFrame(remeasure));
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, [reader]);

  // Rows once per change (a dozen headers), and the in-view marks geometry cannot place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the re-measure signal
  useLayoutEffect(() => {
    const grid = ref.current?.parentElement;
    // Nothing to place: read nothing (a read here would force a layout after every commit).
    if (!grid || inView.length === 0) {
      setMeasured((current) => (current.size === 0 ? current : new Map()));
      setMetrics(null);
      return;
    }
    const origin = grid.getBoundingClientRect();
    const next = new Map<string, Box>();
    for (const m of inView) {
      if (!m.key.startsWith("card:") && !m.key.startsWith("voice:")) continue;
      const el = grid.querySelector(m.selector);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      next.set(m.key, {
        top: (r.top - origin.top) / zoom,
        left: (r.left - origin.left) / zoom,
        width: r.width / zoom,
        height: r.height / zoom,
      });
    }
    setMeasured(next);
    setMetrics(measureRows(grid, zoom));
  }, [inView, zoom, tick]);

  const boxOf = (key: string): Box | null | undefined =>
    measured.get(key) ?? (metrics ? geometryBox(key, metrics, lookups) : null);

  return (
    <div ref={ref} className="board-markers" aria-hidden="false">
      {inView.map((m) => {
        const box = boxOf(m.key);
        if (!box) return null;
        return (
          <div key={m.key}>
            {m.comments > 0 && m.target && (
              <button
                type="button"
                className="comment-pin"
                data-testid="board.comment-pin"
                style={{ top: box.top - 10, left: box.left + 8 }}
                aria-label={`${m.comments} open comment thread${m.comments === 1 ? "" : "s"}`}
                title="Open comments"
                onClick={() => m.target && onOpenThread(m.target)}
              >
                <MessageSquare size={11} aria-hidden="true" />
                {m.comments}
              </button>
            )}
            {m.evidence && (
              <span
                className={`evidence-badge ${sentimentClass(m.evidence.sentiment)}`}
                data-testid="board.evidence-count"
                style={{
                  top: box.top + box.height - 10,
                  right: `calc(100% - ${box.left + box.width - 8}px)`,
                }}
                title={m.evidence.title}
              >
                <FileText size={11} aria-hidden="true" />
                {m.evidence.total}
                {m.evidence.sentiment !== null && (
                  <span className="evidence-sentiment">{signed(m.evidence.sentiment)}</span>
                )}
              </span>
            )}
            {m.voice !== undefined && (
              <span
                className={`voice-chip ${sentimentClass(m.voice)}`}
                data-testid="board.evidence-sentiment"
                style={{ top: box.top + box.height / 2 - 10, left: box.left + box.width + 6 }}
                title="Mean sentiment of the evidence contributors sent for this step, beside the persona's assumed score"
              >
                Evidence {signed(m.voice)}
              </span>
            )}
            {m.assumed && (
              <span
                className="assumed-tag"
                data-testid="board.assumed"
                style={{
                  top: box.top + box.height - 10,
                  right: `calc(100% - ${box.left + box.width - 8}px)`,
                }}
                title="No evidence backs this step yet: it is an assumption"
              >
                Assumed
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
