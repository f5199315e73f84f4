/**
 * How much evidence backs each part of the map: counts per touchpoint and per card, by kind,
 * the contributors' sentiment beside the persona's assumed score, and which steps rest on
 * assumptions only. Pure functions of the read model; nothing is stored.
 */
import type { TouchpointId } from "../ids.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { Evidence } from "../records/Evidence.ts";
import { EVIDENCE_KINDS, type EvidenceKind } from "../vocabulary.ts";

export interface EvidenceTally {
  readonly total: number;
  readonly byKind: Readonly<Record<EvidenceKind, number>>;
  /** Mean sentiment of the items that carry one (rounded to one decimal), or null. */
  readonly sentiment: number | null;
  /** How many items carry a sentiment. */
  readonly rated: number;
}

export interface EvidenceInsights {
  /** Evidence on a card, keyed by card id. */
  readonly byCard: ReadonlyMap<string, EvidenceTally>;
  /** Evidence on a touchpoint itself plus on its cards, keyed by touchpoint id. */
  readonly byTouchpoint: ReadonlyMap<TouchpointId, EvidenceTally>;
  /** Steps with no evidence at all: what the map says there is an assumption. */
  readonly assumed: ReadonlySet<TouchpointId>;
  readonly total: number;
}

export function tally(items: readonly Evidence[]): EvidenceTally {
  const byKind = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, 0])) as Record<
    EvidenceKind,
    number
  >;
  let sum = 0;
  let rated = 0;
  for (const e of items) {
    byKind[e.kind] += 1;
    if (e.sentiment !== null) {
      sum += e.sentiment;
      rated += 1;
    }
  }
  return {
    total: items.length,
    byKind,
    sentiment: rated === 0 ? null : Math.round((sum / rated) * 10) / 10,
    rated,
  };
}

export function evidenceInsights(map: JourneyMap): EvidenceInsights {
  const byCard = new Map<string, EvidenceTally>();
  const byTouchpoint = new Map<TouchpointId, EvidenceTally>();
  const assumed = new Set<TouchpointId>();
  for (const tp of map.touchpoints) {
    const items = [...(map.evidenceByTarget.get(tp.id) ?? [])];
    for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) {
      const own = map.evidenceByTarget.get(card.id) ?? [];
      if (own.length > 0) byCard.set(card.id, tally(own));
      items.push(...own);
    }
    if (items.length > 0) byTouchpoint.set(tp.id, tally(items));
    else assumed.add(tp.id);
  }
  return { byCard, byTouchpoint, assumed, total: map.evidence.length };
}

/** Short text for a tally, e.g. "3 tickets, 1 quote". */
export function describeTally(t: EvidenceTally): string {
  const names: Record<EvidenceKind, [string, string]> = {
    quote: ["quote", "quotes"],
    ticket: ["ticket", "tickets"],
    callNote: ["call note", "call notes"],
    metric: ["metric", "metrics"],
    other: ["other", "other"],
  };
  return EVIDENCE_KINDS.filter((k) => t.byKind[k] > 0)
    .map((k) => `${t.byKind[k]} ${names[k][t.byKind[k] === 1 ? 0 : 1]}`)
    .join(", ");
}
