/**
 * What the journey library (issue 19) knows of one map without opening it: its steps, its
 * personas' curves and its pain points and opportunities, as plain JSON. The server keeps one
 * summary per map, rewritten from the live document shortly after each change, so views across
 * hundreds of maps (the roll-up, persona pages, sub-journey summaries, the dashboard) read
 * rows, never documents. Each part has its own file so each feature extends its own part.
 */
import type { JourneyMap } from "../read/JourneyMap.ts";
import { type CardSummary, summarizeCards } from "./cardSummary.ts";
import { type PersonaSummary, summarizePersonas } from "./personaSummary.ts";
import { type PhaseSummary, type StepSummary, summarizeSteps } from "./stepSummary.ts";

/**
 * Bumped whenever what a summary holds changes: the server rewrites every summary of an older
 * version at start, so readers never meet a summary missing a field they expect.
 */
export const MAP_SUMMARY_VERSION = 1;

export interface MapSummary {
  readonly version: number;
  readonly title: string;
  readonly phases: readonly PhaseSummary[];
  readonly steps: readonly StepSummary[];
  readonly personas: readonly PersonaSummary[];
  /** Pain points and opportunities, in board order. */
  readonly cards: readonly CardSummary[];
  /** Every piece of evidence on the map, assigned or not. */
  readonly evidenceCount: number;
}

export function summarizeMap(map: JourneyMap): MapSummary {
  const { phases, steps } = summarizeSteps(map);
  return {
    version: MAP_SUMMARY_VERSION,
    title: map.meta.title,
    phases,
    steps,
    personas: summarizePersonas(map),
    cards: summarizeCards(map),
    evidenceCount: map.evidence.length,
  };
}
