/**
 * The map as this person sees it, for exports: personas hidden with the header's chips are
 * left out (their curves, their persona page, their lowest points), so a file made for a deck
 * shows what was on screen. Hidden lanes are part of the map itself and need nothing here.
 */
import type { JourneyMap } from "@journeymap/schema";

export function shownMap(map: JourneyMap, hiddenPersonas: ReadonlySet<string>): JourneyMap {
  if (hiddenPersonas.size === 0) return map;
  const emotions = new Map(
    [...map.emotions].filter(([, point]) => !hiddenPersonas.has(point.personaId)),
  );
  return {
    ...map,
    personas: map.personas.filter((p) => !hiddenPersonas.has(p.id)),
    emotions,
  };
}
