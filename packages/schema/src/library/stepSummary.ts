/** The phases and steps of a map, in board order, for summaries (mapSummary.ts). */
import type { JourneyMap } from "../read/JourneyMap.ts";

export interface PhaseSummary {
  readonly id: string;
  readonly name: string;
}

export interface StepSummary {
  readonly id: string;
  readonly phaseId: string;
  readonly name: string;
  /** Channel ids and custom names, in order. */
  readonly channels: readonly string[];
  readonly team: string;
  /** The sub-journey map this step stands for (issue 19); null without one. */
  readonly subMapId: string | null;
}

export function summarizeSteps(map: JourneyMap): {
  phases: PhaseSummary[];
  steps: StepSummary[];
} {
  return {
    phases: map.phases.map((p) => ({ id: p.id, name: p.name })),
    steps: map.touchpoints.map((t) => ({
      id: t.id,
      phaseId: t.phaseId,
      name: t.name,
      channels: [...t.channels],
      team: t.team,
      subMapId: t.subMapId,
    })),
  };
}
