/** What the history calls a selected thing: its element's label, as comments name it too. */
import { elementLabel, type JourneyMap, parseElementKey } from "@journeymap/schema";

export function labelOf(target: string, map: JourneyMap | null): string {
  const ref = parseElementKey(target);
  return map && ref ? elementLabel(map, ref) : target;
}
