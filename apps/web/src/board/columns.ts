/**
 * The board's columns: one per touchpoint, phase by phase, plus one placeholder column for a
 * phase with no touchpoints (so it can be seen, named and filled). Pure layout logic.
 */
import type { JourneyMap, Phase, Touchpoint } from "@journeymap/schema";

/** Width of one step column, in unzoomed CSS pixels. */
export const COLUMN_WIDTH = 220;

export type Column =
  | {
      readonly kind: "touchpoint";
      readonly phase: Phase;
      readonly touchpoint: Touchpoint;
      readonly indexInPhase: number;
    }
  | { readonly kind: "empty"; readonly phase: Phase };

export interface PhaseSpan {
  readonly phase: Phase;
  /** 0-based index of the phase's first column. */
  readonly start: number;
  readonly span: number;
  readonly touchpoints: readonly Touchpoint[];
}

export interface BoardColumns {
  readonly columns: readonly Column[];
  readonly spans: readonly PhaseSpan[];
}

export function boardColumns(map: Pick<JourneyMap, "phases" | "touchpointsByPhase">): BoardColumns {
  const columns: Column[] = [];
  const spans: PhaseSpan[] = [];
  for (const phase of map.phases) {
    const touchpoints = map.touchpointsByPhase.get(phase.id) ?? [];
    const start = columns.length;
    if (touchpoints.length === 0) columns.push({ kind: "empty", phase });
    touchpoints.forEach((touchpoint, indexInPhase) => {
      columns.push({ kind: "touchpoint", phase, touchpoint, indexInPhase });
    });
    spans.push({ phase, start, span: columns.length - start, touchpoints });
  }
  return { columns, spans };
}

/** A column's stable key: its step's id, or `empty-<phase id>` for an empty phase's column. */
export function columnKey(column: Column): string {
  return column.kind === "touchpoint" ? column.touchpoint.id : `empty-${column.phase.id}`;
}
