/**
 * The workspace dashboard (issue 19), from what the caller may open only: their readable maps
 * with each map's summary (evidence, open cards), the freshness worked out for some of them,
 * and the names of the people who edited last. Pure: the route gathers the inputs.
 */
import type {
  DashboardActivity,
  DashboardMap,
  DashboardOpportunity,
  LastEditor,
  LibraryDashboard,
  MapFreshnessSummary,
} from "@journeymap/protocol/http";
import { RATING_MAX, RATING_MIN, type MapSummary } from "@journeymap/schema";
import { byPriority, openCards } from "./openCards.ts";

/** At most this many opportunities and edits are listed (the counts cover them all). */
export const DASHBOARD_OPPORTUNITIES = 50;
export const DASHBOARD_ACTIVITY = 20;

export interface DashboardInput {
  readonly maps: readonly {
    readonly id: string;
    readonly title: string;
    readonly updatedAt: number;
    readonly updatedBy: LastEditor | null;
  }[];
  readonly summaries: ReadonlyMap<string, MapSummary>;
  readonly freshness: ReadonlyMap<string, MapFreshnessSummary>;
}

/** Stalest first: most stale items, then the longest unreviewed; unknown freshness last. */
function byStaleness(a: DashboardMap, b: DashboardMap): number {
  if (a.freshness === null || b.freshness === null)
    return (
      (a.freshness === null ? 1 : 0) - (b.freshness === null ? 1 : 0) || a.updatedAt - b.updatedAt
    );
  return b.freshness.stale - a.freshness.stale || b.freshness.oldestDays - a.freshness.oldestDays;
}

export function buildDashboard({ maps, summaries, freshness }: DashboardInput): LibraryDashboard {
  const rows: DashboardMap[] = [];
  const opportunities: DashboardOpportunity[] = [];
  const byRating: Record<string, number> = {};
  for (let r = RATING_MIN; r <= RATING_MAX; r++) byRating[String(r)] = 0;
  let openPainPoints = 0;
  for (const map of maps) {
    const summary = summaries.get(map.id);
    const pains = summary ? openCards(summary, "painPoint").length : null;
    const opens = summary ? openCards(summary, "opportunity") : [];
    openPainPoints += pains ?? 0;
    rows.push({
      id: map.id,
      title: map.title,
      updatedAt: map.updatedAt,
      updatedBy: map.updatedBy,
      evidenceCount: summary ? summary.evidenceCount : null,
      openPainPoints: pains,
      openOpportunities: summary ? opens.length : null,
      freshness: freshness.get(map.id) ?? null,
    });
    const stepNames = new Map(summary?.steps.map((s) => [s.id, s.name]));
    for (const card of opens) {
      byRating[String(card.rating)] = (byRating[String(card.rating)] ?? 0) + 1;
      opportunities.push({
        mapId: map.id,
        mapTitle: map.title,
        cardId: card.id,
        stepName: stepNames.get(card.stepId) ?? "",
        title: card.title,
        rating: card.rating,
        status: card.status,
        owner: card.owner,
        evidenceCount: card.evidenceCount,
      });
    }
  }
  const activity: DashboardActivity[] = [...maps]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, DASHBOARD_ACTIVITY)
    .map((m) => ({ mapId: m.id, title: m.title, at: m.updatedAt, by: m.updatedBy }));
  return {
    totals: {
      maps: maps.length,
      evidence: rows.reduce((sum, m) => sum + (m.evidenceCount ?? 0), 0),
      openOpportunities: opportunities.length,
      openPainPoints,
      staleItems: rows.reduce((sum, m) => sum + (m.freshness?.stale ?? 0), 0),
    },
    maps: rows.sort(byStaleness),
    opportunities: opportunities.sort(byPriority).slice(0, DASHBOARD_OPPORTUNITIES),
    opportunitiesByRating: byRating,
    activity,
  };
}
