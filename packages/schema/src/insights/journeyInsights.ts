/**
 * Journey insights derived from the read model: "how many steps does it take, and where can
 * we streamline?" answered with numbers. Pure functions of a JourneyMap; nothing is stored.
 */
import type { PersonaId, PhaseId, TouchpointId } from "../ids.ts";
import { emotionKey } from "../layout.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { Channel } from "../vocabulary.ts";

export interface PhaseSteps {
  readonly phaseId: PhaseId;
  readonly name: string;
  readonly steps: number;
}

export interface Transition {
  readonly from: TouchpointId;
  readonly to: TouchpointId;
  readonly before: string;
  readonly after: string;
}

export interface LowPoint {
  readonly personaId: PersonaId;
  readonly score: number;
  readonly touchpointIds: readonly TouchpointId[];
}

export interface Hotspot {
  readonly key: string;
  readonly label: string;
  readonly painPoints: number;
  /** Sum of severities (1–5 each). */
  readonly severity: number;
  /** Evidence items backing those pain points (how many tickets, quotes… mention them). */
  readonly evidence: number;
}

export interface JourneyInsights {
  readonly totalSteps: number;
  readonly stepsPerPhase: readonly PhaseSteps[];
  /** Consecutive steps (in board order) that change channel. */
  readonly channelSwitches: readonly Transition[];
  /** Consecutive steps owned by different teams (steps without a team are skipped). */
  readonly handOffs: readonly Transition[];
  /** Per persona with at least one score: the lowest score and where it happens. */
  readonly lowPoints: readonly LowPoint[];
  readonly hotspotsByPhase: readonly Hotspot[];
  readonly hotspotsByChannel: readonly Hotspot[];
}

function transitions(
  map: JourneyMap,
  valueAt: (t: JourneyMap["touchpoints"][number]) => string,
): Transition[] {
  const out: Transition[] = [];
  let prev: JourneyMap["touchpoints"][number] | undefined;
  for (const tp of map.touchpoints) {
    const value = valueAt(tp);
    if (value === "") continue;
    if (prev && valueAt(prev) !== value) {
      out.push({ from: prev.id, to: tp.id, before: valueAt(prev), after: value });
    }
    prev = tp;
  }
  return out;
}

function byCountDesc(a: Hotspot, b: Hotspot): number {
  return (
    b.severity - a.severity ||
    b.painPoints - a.painPoints ||
    b.evidence - a.evidence ||
    a.label.localeCompare(b.label)
  );
}

export function journeyInsights(map: JourneyMap): JourneyInsights {
  const stepsPerPhase = map.phases.map((phase) => ({
    phaseId: phase.id,
    name: phase.name,
    steps: map.touchpointsByPhase.get(phase.id)?.length ?? 0,
  }));

  const lowPoints: LowPoint[] = [];
  for (const persona of map.personas) {
    let min = Number.POSITIVE_INFINITY;
    let at: TouchpointId[] = [];
    for (const tp of map.touchpoints) {
      const point = map.emotions.get(emotionKey(persona.id, tp.id));
      if (!point) continue;
      if (point.score < min) {
        min = point.score;
        at = [tp.id];
      } else if (point.score === min) at.push(tp.id);
    }
    if (at.length > 0) lowPoints.push({ personaId: persona.id, score: min, touchpointIds: at });
  }

  const phaseSpots = new Map<string, Hotspot>();
  const channelSpots = new Map<string, Hotspot>();
  const bump = (
    spots: Map<string, Hotspot>,
    key: string,
    label: string,
    severity: number,
    evidence: number,
  ) => {
    const prev = spots.get(key) ?? { key, label, painPoints: 0, severity: 0, evidence: 0 };
    spots.set(key, {
      ...prev,
      painPoints: prev.painPoints + 1,
      severity: prev.severity + severity,
      evidence: prev.evidence + evidence,
    });
  };
  const phaseNames = new Map(map.phases.map((p) => [p.id as string, p.name]));
  for (const tp of map.touchpoints) {
    for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) {
      if (card.kind !== "painPoint" || card.status === "dismissed") continue;
      const evidence = map.evidenceByTarget.get(card.id)?.length ?? 0;
      bump(phaseSpots, tp.phaseId, phaseNames.get(tp.phaseId) ?? tp.phaseId, card.rating, evidence);
      bump(channelSpots, tp.channel, tp.channel, card.rating, evidence);
    }
  }

  return {
    totalSteps: map.touchpoints.length,
    stepsPerPhase,
    channelSwitches: transitions(map, (t) => t.channel),
    handOffs: transitions(map, (t) => t.team.trim()),
    lowPoints,
    hotspotsByPhase: [...phaseSpots.values()].sort(byCountDesc),
    hotspotsByChannel: [...channelSpots.values()].sort(byCountDesc),
  };
}

/** The omni-channel picture: for each channel used, the touchpoints per phase. */
export function channelPhaseMatrix(
  map: JourneyMap,
): ReadonlyMap<Channel, ReadonlyMap<PhaseId, readonly TouchpointId[]>> {
  const matrix = new Map<Channel, Map<PhaseId, TouchpointId[]>>();
  for (const tp of map.touchpoints) {
    const row = matrix.get(tp.channel) ?? new Map<PhaseId, TouchpointId[]>();
    const cell = row.get(tp.phaseId) ?? [];
    cell.push(tp.id);
    row.set(tp.phaseId, cell);
    matrix.set(tp.channel, row);
  }
  return matrix;
}
