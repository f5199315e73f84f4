/**
 * Which marks the board shows, without React or the DOM: comment pins on items with open
 * threads, evidence counts on steps and pain points, the contributors' sentiment beside a
 * step's curve point, "Assumed" on steps no evidence backs; and which of them are in the
 * rendered column window.
 */
import {
  describeTally,
  type ElementRef,
  elementKey,
  elementOfTalkTarget,
  type EvidenceTally,
  evidenceInsights,
  type JourneyMap,
  readEntityRef,
  type Talk,
  type TalkTarget,
  type TouchpointId,
} from "@journeymap/schema";
import { type BoardColumns, columnKey } from "../../board/columns.ts";
import { type ColumnRange, columnOfElement, stepOfCard } from "../../board/columnWindow.ts";
import { keySelector } from "../../board/elementDom.ts";
import type { Lookups } from "../../board/markerGeometry.ts";
import { signed } from "../inbox/labels.ts";

export interface Mark {
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

function evidenceOf(t: EvidenceTally): NonNullable<Mark["evidence"]> {
  return {
    total: t.total,
    sentiment: t.sentiment,
    title: `${describeTally(t)}${t.sentiment === null ? "" : ` · contributors' mean sentiment ${signed(t.sentiment)}`}`,
  };
}

/** Every mark the map and its open threads call for, one per element (plus sentiment chips). */
export function buildMarks(
  threads: Talk["threads"],
  map: JourneyMap,
  showAssumptions: boolean,
): Mark[] {
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
  for (const thread of threads) {
    const ref = thread.resolved ? null : elementOfTalkTarget(thread.target);
    if (!ref) continue;
    const m = mark(ref);
    byKey.set(m.key, { ...m, comments: m.comments + 1, target: thread.target });
  }
  const insights = evidenceInsights(map);
  for (const [id, t] of insights.byTouchpoint) {
    const m = mark(step(id));
    byKey.set(m.key, { ...m, evidence: evidenceOf(t) });
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
    byKey.set(m.key, { ...m, evidence: evidenceOf(t) });
  }
  if (showAssumptions)
    for (const id of insights.assumed) {
      const m = mark(step(id));
      byKey.set(m.key, { ...m, assumed: true });
    }
  return [...byKey.values()];
}

export interface MarkLookups extends Lookups {
  /** The column a mark's element is drawn in, or -1. */
  readonly columnOfMark: (ref: ElementRef) => number;
}

/** Where the board's columns put a mark's element. */
export function markLookups(
  { columns, spans }: BoardColumns,
  cardsByTouchpoint: JourneyMap["cardsByTouchpoint"],
): MarkLookups {
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
}

/** The marks whose column is rendered; a phase band is drawn whole, so any of its columns counts. */
export function marksInView(
  marks: readonly Mark[],
  lookups: MarkLookups,
  range: ColumnRange,
): Mark[] {
  return marks.filter((m) => {
    const column = lookups.columnOfMark(m.ref);
    const span = m.ref.kind === "phase" ? lookups.phaseSpan(m.ref.id) : null;
    const end = span ? span.start + span.span - 1 : column;
    return column >= 0 && end >= range.first && column <= range.last;
  });
}
