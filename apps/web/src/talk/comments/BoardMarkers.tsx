/**
 * Marks on the board, drawn over it without touching the board's components: a numbered pin
 * on every item with open comment threads, an evidence count on steps and pain points (with
 * the contributors' mean sentiment), and, with the evidence layer on, "Assumed" on steps that
 * no evidence backs. Only marks whose column is near the viewport are drawn (the board renders
 * only those columns). Steps, cells and phases are placed from the grid's geometry
 * (board/markerGeometry.ts: columns have a fixed width, rows are measured once per row); cards
 * and the contributors' sentiment beside a curve point, whose place inside a column depends on
 * their content, are measured in the DOM, in view only. Map changes, zoom, resizes and
 * scrolling update the marks.
 */
import {
  describeTally,
  type ElementRef,
  elementKey,
  elementOfTalkTarget,
  type EvidenceTally,
  evidenceInsights,
  readEntityRef,
  type TalkTarget,
  type TouchpointId,
} from "@journeymap/schema";
import { FileText, MessageSquare } from "lucide-react";
import { type RefObject, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { boardColumns, COLUMN_WIDTH, columnKey } from "../../board/columns.ts";
import { columnOfElement, stepOfCard } from "../../board/columnWindow.ts";
import { keySelector } from "../../board/elementDom.ts";
import { type Box, type GridMetrics, geometryBox, rowsFrom } from "../../board/markerGeometry.ts";
import { useColumnWindow } from "../../board/useColumnWindow.ts";
import { useTalk } from "../useTalk.ts";
import { sentimentClass, signed } from "../inbox/labels.ts";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import "../inbox/sentiment.css";
import "./BoardMarkers.css";

interface Mark {
  /** Unique among the marks: its element's key (`voice:` before it for the sentiment chip). */
  readonly key: string;
  /** The element the mark is drawn at: its column, and its box when geometry can place it. */
  readonly ref: ElementRef;
  /** Finds the element in the DOM, for the marks measured there. */
  readonly selector: string;
  /** Cards stack in their cell and curve points move with their score: those are measured. */
  readonly measured: boolean;
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
    const fresh = (ref: ElementRef, key = elementKey(ref)): Mark => ({
      key,
      ref,
      selector: keySelector(ref),
      measured: ref.kind === "card",
      comments: 0,
      target: null,
      evidence: null,
      assumed: false,
    });
    const mark = (ref: ElementRef): Mark => byKey.get(elementKey(ref)) ?? fresh(ref);
    const step = (id: TouchpointId): ElementRef => ({ kind: "touchpoint", id });
    for (const thread of talk.threads) {
      const ref = thread.resolved ? null : elementOfTalkTarget(thread.target);
      if (!ref) continue;
      const m = mark(ref);
      byKey.set(m.key, { ...m, comments: m.comments + 1, target: thread.target });
    }
    const insights = evidenceInsights(map);
    const evidence = (t: EvidenceTally) => ({
      total: t.total,
      sentiment: t.sentiment,
      title: `${describeTally(t)}${t.sentiment === null ? "" : ` · contributors' mean sentiment ${signed(t.sentiment)}`}`,
    });
    for (const [id, t] of insights.byTouchpoint) {
      const m = mark(step(id));
      byKey.set(m.key, { ...m, evidence: evidence(t) });
      // Beside the shown persona's point at this step (if it has one): what customers said.
      if (t.sentiment !== null)
        byKey.set(`voice:${m.key}`, {
          ...fresh(m.ref, `voice:${m.key}`),
          selector: `.emotion-point[data-column-id=${JSON.stringify(id)}]`,
          measured: true,
          voice: t.sentiment,
        });
    }
    for (const [id, t] of insights.byCard) {
      const ref = readEntityRef("card", id);
      if (!ref) continue;
      const m = mark(ref);
      byKey.set(m.key, { ...m, evidence: evidence(t) });
    }
    if (showAssumptions)
      for (const id of insights.assumed) {
        const m = mark(step(id));
        byKey.set(m.key, { ...m, assumed: true });
      }
    return [...byKey.values()];
  }, [talk.threads, map, showAssumptions]);

  // Each mark's column; marks outside the rendered window are not drawn.
  const cardsByTouchpoint = map.cardsByTouchpoint;
  const lookups = useMemo(() => {
    const index = new Map(columns.map((c, i) => [columnKey(c), i]));
    const columnOf = (id: string) => index.get(id) ?? -1;
    const phaseSpan = (id: string) => spans.find((s) => s.phase.id === id) ?? null;
    const columnOfMark = (ref: ElementRef) =>
      columnOfElement(
        ref,
        columnOf,
        (id) => stepOfCard({ cardsByTouchpoint }, id),
        (id) => phaseSpan(id)?.start ?? -1,
      );
    return { columnOf, phaseSpan, columnOfMark };
  }, [columns, spans, cardsByTouchpoint]);
  const inView = useMemo(
    () =>
      marks.filter((m) => {
        const column = lookups.columnOfMark(m.ref);
        // A phase band is drawn whole: keep its mark if any of its columns is in view.
        const span = m.ref.kind === "phase" ? lookups.phaseSpan(m.ref.id) : null;
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
      if (!m.measured) continue;
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

  const boxOf = (m: Mark): Box | null | undefined =>
    m.measured ? measured.get(m.key) : metrics && geometryBox(m.ref, metrics, lookups);

  return (
    <div ref={ref} className="board-markers" aria-hidden="false">
      {inView.map((m) => {
        const box = boxOf(m);
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
