/**
 * How much evidence backs each part of the map: counts per touchpoint and per card, by kind,
 * the contributors' sentiment beside the persona's assumed score, and which steps rest on
 * assumptions only. Pure functions of the read model; nothing is stored.
 */
import type { CardId, PersonaId, TouchpointId } from "../ids.ts";
import { emotionKey } from "../layout.ts";
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

/** A persona's assumed score at a step, beside what the evidence says. */
export interface AssumedScore {
  readonly personaId: PersonaId;
  readonly score: number;
  /** Evidence sentiment minus the assumed score: negative when customers feel worse. */
  readonly gap: number;
}

export interface StepEvidence {
  readonly touchpointId: TouchpointId;
  readonly tally: EvidenceTally;
  /** Only personas with a score at this step, and only when the evidence carries sentiment. */
  readonly assumed: readonly AssumedScore[];
}

export interface PainPointEvidence {
  readonly cardId: CardId;
  readonly touchpointId: TouchpointId;
  readonly tally: EvidenceTally;
}

export interface EvidenceOverview {
  readonly total: number;
  /** Evidence whose step or card was deleted. */
  readonly unassigned: number;
  /** Steps backed by evidence, most evidence first (then board order). */
  readonly steps: readonly StepEvidence[];
  /** Steps with no evidence, in board order. */
  readonly assumedSteps: readonly TouchpointId[];
  /** Open pain points (not dismissed), most evidence first; those with none last. */
  readonly painPoints: readonly PainPointEvidence[];
  /** Steps where the evidence and a persona's assumed score differ by at least this much. */
  readonly gapThreshold: number;
}

/** "The map assumes −1 here; what customers told us averages −2.5": worth a second look. */
export const SENTIMENT_GAP = 1.5;

/**
 * For the journey insights: where the evidence is (how many tickets mention each step and pain
 * point), where the map is built on assumptions, and where the customers' sentiment disagrees
 * with the emotion score the team assumed for a persona.
 */
export function evidenceOverview(map: JourneyMap): EvidenceOverview {
  const insights = evidenceInsights(map);
  const order = new Map(map.touchpoints.map((t, i) => [t.id, i]));
  const steps: StepEvidence[] = [];
  for (const [touchpointId, t] of insights.byTouchpoint) {
    const assumed: AssumedScore[] = [];
    if (t.sentiment !== null)
      for (const persona of map.personas) {
        const point = map.emotions.get(emotionKey(persona.id, touchpointId));
        if (point)
          assumed.push({
            personaId: persona.id,
            score: point.score,
            gap: Math.round((t.sentiment - point.score) * 10) / 10,
          });
      }
    steps.push({ touchpointId, tally: t, assumed });
  }
  steps.sort(
    (a, b) =>
      b.tally.total - a.tally.total ||
      (order.get(a.touchpointId) ?? 0) - (order.get(b.touchpointId) ?? 0),
  );
  const painPoints: PainPointEvidence[] = [];
  for (const tp of map.touchpoints)
    for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) {
      if (card.kind !== "painPoint" || card.status === "dismissed") continue;
      painPoints.push({
        cardId: card.id,
        touchpointId: tp.id,
        tally: insights.byCard.get(card.id) ?? tally([]),
      });
    }
  // Stable sort: equal counts keep board order.
  painPoints.sort((a, b) => b.tally.total - a.tally.total);
  return {
    total: insights.total,
    unassigned: map.unassignedEvidence.length,
    steps,
    assumedSteps: map.touchpoints.filter((t) => insights.assumed.has(t.id)).map((t) => t.id),
    painPoints,
    gapThreshold: SENTIMENT_GAP,
  };
}
