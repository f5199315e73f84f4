import { entityKey } from "../elementRef/elementRef.ts";
import { type JourneyMap, cardsInBoardOrder } from "../read/JourneyMap.ts";
import type { MapChange } from "./changes.ts";

/**
 * Removing a phase removes its steps, and removing a step its cards, points and cells: list
 * only the thing someone removed, not everything that went with it.
 */
export function withoutCascades(changes: MapChange[], before: JourneyMap): MapChange[] {
  const removed = new Set(changes.filter((c) => c.change === "removed").map((c) => c.target));
  const tpPhase = new Map<string, string>(before.touchpoints.map((t) => [t.id, t.phaseId]));
  const cardTp = new Map<string, string>(
    cardsInBoardOrder(before).map((c) => [c.id, c.touchpointId]),
  );
  const goneTp = (tp: string | undefined) =>
    tp !== undefined &&
    (removed.has(entityKey("touchpoint", tp)) ||
      removed.has(entityKey("phase", tpPhase.get(tp) ?? "")));
  return changes.filter((c) => {
    if (c.change !== "removed") return true;
    switch (c.entity) {
      case "touchpoint":
        return !removed.has(entityKey("phase", tpPhase.get(c.id) ?? ""));
      case "card":
        return !goneTp(cardTp.get(c.id));
      case "emotion":
        return (
          !goneTp(before.emotions.get(c.id)?.touchpointId) &&
          !removed.has(entityKey("persona", before.emotions.get(c.id)?.personaId ?? ""))
        );
      case "cell": {
        const cell = before.cells.get(c.id);
        return !goneTp(cell?.touchpointId) && !removed.has(entityKey("lane", cell?.laneId ?? ""));
      }
      default:
        return true;
    }
  });
}
