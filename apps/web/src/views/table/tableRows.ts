/** The table's rows: one per step in board order, grouped by phase (phases without steps are left out). */
import type { JourneyMap, Phase, Touchpoint } from "@journeymap/schema";

export interface StepRow {
  readonly tp: Touchpoint;
  readonly phase: Phase;
  readonly firstInPhase: boolean;
}

export interface PhaseGroup {
  readonly phase: Phase;
  /** Index of its first row among all rows. */
  readonly start: number;
  readonly rows: readonly StepRow[];
}

export function tableRows(map: Pick<JourneyMap, "phases" | "touchpointsByPhase">): {
  readonly groups: readonly PhaseGroup[];
  readonly rows: readonly StepRow[];
} {
  const groups: PhaseGroup[] = [];
  const rows: StepRow[] = [];
  for (const phase of map.phases) {
    const touchpoints = map.touchpointsByPhase.get(phase.id) ?? [];
    if (touchpoints.length === 0) continue;
    const group = touchpoints.map((tp, i) => ({ tp, phase, firstInPhase: i === 0 }));
    groups.push({ phase, start: rows.length, rows: group });
    rows.push(...group);
  }
  return { groups, rows };
}
