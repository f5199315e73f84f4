import type { Persona } from "@journeymap/schema";
import { useState } from "react";

/**
 * The persona whose curve is edited: the chosen one while it is shown, else the first shown
 * (none chosen yet, or the chosen one was hidden or deleted).
 */
export function activePersona(
  personas: readonly Persona[],
  chosenId: string | null,
): Persona | null {
  return personas.find((p) => p.id === chosenId) ?? personas[0] ?? null;
}

/** The edited curve's persona, chosen by one click on the legend or on a curve. */
export function useActivePersona(
  personas: readonly Persona[],
): readonly [Persona | null, (personaId: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  return [activePersona(personas, chosen), setChosen];
}
