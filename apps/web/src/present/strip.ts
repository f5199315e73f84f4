/**
 * The journey strip under each slide: every step of the map in a row, phase bands behind, and
 * each persona's emotion curve across the whole journey, so the room sees where this phase
 * sits in the story (the dip comes next, the recovery after). Pure geometry, in the strip's
 * own units; the component scales it to the screen.
 */
import { emotionKey, type JourneyMap } from "@journeymap/schema";
import { type CurvePoint, scoreToY } from "../board/curve.ts";

export const STRIP = { step: 40, height: 72, padding: 10 } as const;

export interface StripBand {
  readonly phaseId: string;
  readonly name: string;
  readonly colour: string;
  readonly x: number;
  readonly width: number;
}

export interface StripCurve {
  readonly personaId: string;
  readonly colour: string;
  readonly points: readonly (CurvePoint & { readonly score: number })[];
}

export interface StripGeometry {
  readonly width: number;
  readonly height: number;
  readonly bands: readonly StripBand[];
  readonly curves: readonly StripCurve[];
  /** y of score 0. */
  readonly midline: number;
}

export function stripGeometry(map: JourneyMap): StripGeometry {
  const geometry = { height: STRIP.height, padding: STRIP.padding };
  const bands: StripBand[] = [];
  const column = new Map<string, number>();
  let i = 0;
  for (const phase of map.phases) {
    const steps = map.touchpointsByPhase.get(phase.id) ?? [];
    // An empty phase still gets a sliver, so it is not invisible in the story.
    const width = Math.max(steps.length, 0.5) * STRIP.step;
    bands.push({
      phaseId: phase.id,
      name: phase.name,
      colour: phase.colour,
      x: i * STRIP.step,
      width,
    });
    for (const [k, step] of steps.entries()) column.set(step.id, i + k);
    i += Math.max(steps.length, 0.5);
  }
  const curves = map.personas.map((persona): StripCurve => {
    const points = [];
    for (const step of map.touchpoints) {
      const at = column.get(step.id);
      const point = map.emotions.get(emotionKey(persona.id, step.id));
      if (at === undefined || !point) continue;
      points.push({
        x: (at + 0.5) * STRIP.step,
        y: scoreToY(point.score, geometry),
        score: point.score,
      });
    }
    return { personaId: persona.id, colour: persona.colour, points };
  });
  return {
    width: Math.max(i, 1) * STRIP.step,
    height: STRIP.height,
    bands,
    curves: curves.filter((c) => c.points.length > 0),
    midline: scoreToY(0, geometry),
  };
}
