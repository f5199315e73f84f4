/**
 * What a step shows of its sub-journey, from the sub-map's library summary: its lowest
 * emotion (overall and per persona), its open pain points with the most severe ones, its
 * evidence and its freshness. Pure: the routes read the summaries and the freshness.
 */
import {
  type MapFreshnessSummary,
  type SubJourneySummary,
  TOP_PAIN_POINTS,
} from "@journeymap/protocol/http";
import type { MapSummary } from "@journeymap/schema";
import { byPriority, openCards } from "./openCards.ts";

export function summarizeSubJourney(
  summary: MapSummary,
  freshness: MapFreshnessSummary | null,
): SubJourneySummary {
  const lows = summary.personas.flatMap((p) => (p.lowest === null ? [] : [p.lowest]));
  const pains = openCards(summary, "painPoint").sort(byPriority);
  return {
    title: summary.title,
    steps: summary.steps.length,
    lowest: lows.length === 0 ? null : Math.min(...lows),
    personas: summary.personas.map((p) => ({ name: p.name, colour: p.colour, lowest: p.lowest })),
    openPainPoints: pains.length,
    topPainPoints: pains
      .slice(0, TOP_PAIN_POINTS)
      .map((c) => ({ id: c.id, title: c.title, rating: c.rating })),
    evidenceCount: summary.evidenceCount,
    freshness,
  };
}

/** The steps of a map that stand for a sub-journey, in board order (summaries older than the link read as none). */
export function subJourneySteps(summary: MapSummary): { stepId: string; subMapId: string }[] {
  return summary.steps.flatMap((s) => (s.subMapId ? [{ stepId: s.id, subMapId: s.subMapId }] : []));
}
