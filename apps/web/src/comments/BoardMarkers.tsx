/**
 * Marks on the board, drawn over it without touching the board's components: a numbered pin
 * on every item with open comment threads, an evidence count on steps and pain points (with
 * the contributors' mean sentiment), and, with the evidence layer on, "Assumed" on steps that
 * no evidence backs. Items are found by their `data-presence` keys and measured; measuring
 * again on map changes, zoom and resizes keeps the marks in place.
 */
import {
  describeTally,
  type EvidenceTally,
  evidenceInsights,
  type TalkTarget,
} from "@journeymap/schema";
import { FileText, MessageSquare } from "lucide-react";
import { useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTalk } from "../inbox/useTalk.ts";
import { sentimentClass, signed } from "../inbox/labels.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
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

interface Box {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
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
  const [boxes, setBoxes] = useState<ReadonlyMap<string, Box>>(new Map());
  const [tick, remeasure] = useReducer((n: number) => n + 1, 0);

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the re-measure signal
  useLayoutEffect(() => {
    const grid = ref.current?.parentElement;
    if (!grid) return;
    const origin = grid.getBoundingClientRect();
    const next = new Map<string, Box>();
    for (const m of marks) {
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
    setBoxes(next);
  }, [marks, zoom, tick]);

  return (
    <div ref={ref} className="board-markers" aria-hidden="false">
      {marks.map((m) => {
        const box = boxes.get(m.key);
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
