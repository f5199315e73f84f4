/** Each persona of a map with its emotion curve, for summaries (mapSummary.ts). */
import { emotionKey } from "../layout.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";

export interface CurvePoint {
  readonly stepId: string;
  readonly score: number;
}

export interface PersonaSummary {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly colour: string;
  /**
   * The workspace library persona it follows (issue 19), null for none. Summaries written before
   * links existed lack it: readers take a missing one as null.
   */
  readonly libraryPersonaId?: string | null;
  /** The persona's scores in step order; steps without a score are left out. */
  readonly curve: readonly CurvePoint[];
  /** The lowest score of the curve; null for an empty curve. */
  readonly lowest: number | null;
  /** The curve's mean, rounded to tenths; null for an empty curve. */
  readonly average: number | null;
}

export function summarizePersonas(map: JourneyMap): PersonaSummary[] {
  return map.personas.map((persona) => {
    const curve: CurvePoint[] = [];
    for (const step of map.touchpoints) {
      const point = map.emotions.get(emotionKey(persona.id, step.id));
      if (point) curve.push({ stepId: step.id, score: point.score });
    }
    const scores = curve.map((p) => p.score);
    return {
      id: persona.id,
      name: persona.name,
      role: persona.role,
      colour: persona.colour,
      libraryPersonaId: persona.libraryPersonaId,
      curve,
      lowest: scores.length === 0 ? null : Math.min(...scores),
      average:
        scores.length === 0
          ? null
          : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
    };
  });
}
