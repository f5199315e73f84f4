/**
 * The roll-up of pain points and opportunities across maps (issue 19), from the maps'
 * summaries: pure, so the access rule lives in one place — the caller passes only the maps the
 * person may open, and nothing else is read, so a map they can't open never appears, not even
 * in a count.
 */
import {
  type LibraryCardList,
  type LibraryCardRow,
  MAX_LIBRARY_CARD_ROWS,
} from "@journeymap/protocol/http";
import { CARD_STATUSES, type CardKind, type MapSummary } from "@journeymap/schema";
import type { CardQuery } from "./cardQuery.ts";

export interface ReadableSummary {
  readonly mapId: string;
  readonly summary: MapSummary;
}

/** One map's cards as rows (every card; filters apply after). */
function rowsOf({ mapId, summary }: ReadableSummary): LibraryCardRow[] {
  const steps = new Map(summary.steps.map((s) => [s.id, s]));
  const phases = new Map(summary.phases.map((p) => [p.id, p.name]));
  const personas = summary.personas.map((p) => p.name);
  return summary.cards.map((card) => {
    const step = steps.get(card.stepId);
    return {
      mapId,
      mapTitle: summary.title,
      cardId: card.id,
      kind: card.kind,
      title: card.title,
      stepId: card.stepId,
      stepName: step?.name ?? "",
      phaseId: card.phaseId,
      phaseName: phases.get(card.phaseId) ?? "",
      channels: [...(step?.channels ?? [])],
      personas,
      rating: card.rating,
      status: card.status,
      owner: card.owner,
      evidenceCount: card.evidenceCount,
      // Summaries written before the field existed lack it.
      libraryOpportunityId: card.libraryOpportunityId ?? null,
    };
  });
}

/** Whether a map's personas include one of this name or library persona id (lower case). */
function hasPersona(summary: MapSummary, persona: string): boolean {
  return summary.personas.some(
    (p) =>
      p.name.trim().toLowerCase() === persona ||
      (p.libraryPersonaId ?? "").toLowerCase() === persona,
  );
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b;

function matches(row: LibraryCardRow, q: CardQuery): boolean {
  return (
    (q.kind === null || row.kind === q.kind) &&
    (q.phase === null || same(row.phaseName, q.phase)) &&
    (q.channel === null || row.channels.some((c) => same(c, q.channel!))) &&
    row.rating >= q.minRating &&
    (q.status === null || row.status === q.status) &&
    (q.owner === null || same(row.owner, q.owner)) &&
    row.evidenceCount >= q.minEvidence
  );
}

// One collator for every comparison: `localeCompare` with options builds one per call, which
// made sorting the roll-up of 500 maps (thousands of rows) cost more than reading them.
const byText = new Intl.Collator("en", { sensitivity: "base" }).compare;

/** Each sort, with map title, then title as tie-breakers so the order is stable. */
const ORDER: Record<CardQuery["sort"], (a: LibraryCardRow, b: LibraryCardRow) => number> = {
  rating: (a, b) => b.rating - a.rating || b.evidenceCount - a.evidenceCount,
  evidence: (a, b) => b.evidenceCount - a.evidenceCount || b.rating - a.rating,
  map: (a, b) => byText(a.mapTitle, b.mapTitle),
  title: (a, b) => byText(a.title, b.title),
};

function sortRows(rows: LibraryCardRow[], sort: CardQuery["sort"]): LibraryCardRow[] {
  return rows.sort(
    (a, b) =>
      ORDER[sort](a, b) ||
      byText(a.mapTitle, b.mapTitle) ||
      byText(a.title, b.title) ||
      (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0),
  );
}

function countsOf(rows: readonly LibraryCardRow[]): LibraryCardList["counts"] {
  const empty = () => ({
    total: 0,
    byStatus: Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<string, number>,
  });
  const counts: Record<CardKind, ReturnType<typeof empty>> = {
    painPoint: empty(),
    opportunity: empty(),
  };
  for (const row of rows) {
    const kind = counts[row.kind];
    kind.total += 1;
    kind.byStatus[row.status] = (kind.byStatus[row.status] ?? 0) + 1;
  }
  return counts;
}

/** Distinct values (filters compare in any case: one entry per spelling, the first seen), sorted. */
function sortedSet(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const v = value.trim();
    if (v !== "" && !seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  }
  return [...seen.values()].sort(byText);
}

function facetsOf(maps: readonly ReadableSummary[], rows: readonly LibraryCardRow[]) {
  return {
    personas: sortedSet(maps.flatMap((m) => m.summary.personas.map((p) => p.name))),
    phases: sortedSet(rows.map((r) => r.phaseName)),
    channels: sortedSet(rows.flatMap((r) => r.channels)),
    owners: sortedSet(rows.map((r) => r.owner)),
  };
}

export function rollUpCards(
  maps: readonly ReadableSummary[],
  query: CardQuery,
  maxRows = MAX_LIBRARY_CARD_ROWS,
): LibraryCardList {
  const all = maps.flatMap(rowsOf);
  const inMaps =
    query.persona === null ? maps : maps.filter((m) => hasPersona(m.summary, query.persona!));
  const chosen = new Set(inMaps.map((m) => m.mapId));
  const rows = sortRows(
    all.filter((r) => chosen.has(r.mapId) && matches(r, query)),
    query.sort,
  );
  return {
    cards: rows.slice(0, maxRows),
    total: rows.length,
    truncated: rows.length > maxRows,
    counts: countsOf(rows),
    maps: maps.length,
    facets: facetsOf(maps, all),
  };
}
