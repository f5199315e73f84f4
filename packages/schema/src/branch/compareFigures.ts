/**
 * The journey figures of two maps side by side with their difference: steps (per phase),
 * channel switches, hand-offs between teams, and each persona's lowest point and average,
 * plus one sentence that says it ("to-be removes 4 steps and 2 channel switches; Priya's
 * lowest point rises from −3 to −1").
 */
import { journeyInsights } from "../insights/journeyInsights.ts";
import { emotionKey } from "../layout.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import { formatScore } from "../vocabulary.ts";

export interface Figure {
  readonly left: number;
  readonly right: number;
}

export interface PersonaFigures {
  readonly personaId: string;
  readonly name: string;
  /** Null when the persona has no point on that side. */
  readonly low: { readonly left: number | null; readonly right: number | null };
  readonly average: { readonly left: number | null; readonly right: number | null };
}

export interface FigureComparison {
  readonly steps: Figure;
  readonly stepsPerPhase: ReadonlyArray<
    Figure & { readonly phaseId: string; readonly name: string }
  >;
  readonly channelSwitches: Figure;
  readonly handOffs: Figure;
  readonly personas: readonly PersonaFigures[];
}

function curve(map: JourneyMap, personaId: string): { low: number | null; average: number | null } {
  const scores = map.touchpoints.flatMap((t) => {
    const point = map.emotions.get(emotionKey(personaId, t.id));
    return point ? [point.score] : [];
  });
  if (scores.length === 0) return { low: null, average: null };
  const average = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
  return { low: Math.min(...scores), average };
}

export function compareFigures(left: JourneyMap, right: JourneyMap): FigureComparison {
  const a = journeyInsights(left);
  const b = journeyInsights(right);
  const phaseIds = [
    ...new Set([...b.stepsPerPhase, ...a.stepsPerPhase].map((p) => p.phaseId as string)),
  ];
  const stepsPerPhase = phaseIds.map((phaseId) => {
    const l = a.stepsPerPhase.find((p) => p.phaseId === phaseId);
    const r = b.stepsPerPhase.find((p) => p.phaseId === phaseId);
    return { phaseId, name: r?.name ?? l?.name ?? "", left: l?.steps ?? 0, right: r?.steps ?? 0 };
  });
  const names = new Map([...left.personas, ...right.personas].map((p) => [p.id as string, p.name]));
  const personas = [...names].map(([personaId, name]) => {
    const l = curve(left, personaId);
    const r = curve(right, personaId);
    return {
      personaId,
      name,
      low: { left: l.low, right: r.low },
      average: { left: l.average, right: r.average },
    };
  });
  return {
    steps: { left: a.totalSteps, right: b.totalSteps },
    stepsPerPhase,
    channelSwitches: { left: a.channelSwitches.length, right: b.channelSwitches.length },
    handOffs: { left: a.handOffs.length, right: b.handOffs.length },
    personas,
  };
}

function countChange(figure: Figure, noun: string, plural: string): string | null {
  const delta = figure.right - figure.left;
  if (delta === 0) return null;
  const n = Math.abs(delta);
  return `${delta < 0 ? "removes" : "adds"} ${n} ${n === 1 ? noun : plural}`;
}

/** One sentence about what the right side changes, e.g. for "To-be": "To-be removes 4 steps…". */
export function describeFigures(figures: FigureComparison, rightName: string): string {
  const counts = [
    countChange(figures.steps, "step", "steps"),
    countChange(figures.channelSwitches, "channel switch", "channel switches"),
    countChange(figures.handOffs, "hand-off", "hand-offs"),
  ].filter((s): s is string => s !== null);
  const lows = figures.personas.flatMap(({ name, low }) => {
    if (low.left === null || low.right === null || low.left === low.right) return [];
    const verb = low.right > low.left ? "rises" : "falls";
    return [
      `${name}'s lowest point ${verb} from ${formatScore(low.left)} to ${formatScore(low.right)}`,
    ];
  });
  const parts = [counts.length > 0 ? `${rightName} ${joinAnd(counts)}` : "", ...lows].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join("; ") : `${rightName} has the same figures`;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
