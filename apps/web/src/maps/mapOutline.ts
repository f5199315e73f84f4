/**
 * A map's silhouette for a small picture (template previews, map thumbnails): its phases with
 * their colours and step counts, and one persona's emotion scores step by step. Pure data, so
 * it can come from a template, a read model or a server summary alike.
 */
import { emotionKey, type JourneyMap, type Template } from "@journeymap/schema";

export interface MapOutline {
  readonly phases: readonly { readonly colour: string; readonly steps: number }[];
  /** The first persona's score at each step, in board order; null where there is none. */
  readonly curve: readonly (number | null)[];
  readonly curveColour: string | null;
}

/** A phase without a colour of its own (templates may leave it to the map's palette). */
const NO_COLOUR = "#94a3b8";

export function outlineOfTemplate(template: Template): MapOutline {
  return {
    phases: template.phases.map((p) => ({
      colour: p.colour ?? NO_COLOUR,
      steps: p.touchpoints.length,
    })),
    curve: template.phases.flatMap((p) => p.touchpoints.map((t) => t.emotions?.[0] ?? null)),
    curveColour: template.personas[0]?.colour ?? null,
  };
}

/** Where each step sits across `width` (a phase without steps still takes one slot). */
export function outlineSlots(outline: MapOutline): number {
  return outline.phases.reduce((n, p) => n + Math.max(1, p.steps), 0);
}

/** The outline of a map's read model (a copy this browser keeps, for a thumbnail). */
export function outlineOfMap(map: JourneyMap): MapOutline {
  const persona = map.personas[0];
  const steps = map.phases.flatMap((p) => map.touchpointsByPhase.get(p.id) ?? []);
  return {
    phases: map.phases.map((p) => ({
      colour: p.colour || NO_COLOUR,
      steps: map.touchpointsByPhase.get(p.id)?.length ?? 0,
    })),
    curve: steps.map((t) =>
      persona ? (map.emotions.get(emotionKey(persona.id, t.id))?.score ?? null) : null,
    ),
    curveColour: persona?.colour ?? null,
  };
}
