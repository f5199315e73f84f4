/**
 * What people read for an element: "Step · Compares plans", "Actions × Compares plans",
 * "Ana's emotion at Compares plans", or "Step (deleted)" when the map no longer has it. One
 * wording for comment threads and the history alike.
 */
import type { JourneyMap } from "../read/JourneyMap.ts";
import { LANE_KIND_LABELS } from "../vocabulary.ts";
import type { ElementRef } from "./elementRef.ts";

const UNTITLED = "Untitled";

const named = (noun: string, name: string | undefined) =>
  name === undefined ? `${noun} (deleted)` : `${noun} · ${name || UNTITLED}`;

export function elementLabel(map: JourneyMap, ref: ElementRef): string {
  const step = (id: string) => map.touchpoints.find((t) => t.id === id);
  switch (ref.kind) {
    case "phase":
      return named("Phase", map.phases.find((p) => p.id === ref.id)?.name);
    case "touchpoint":
      return named("Step", step(ref.id)?.name);
    case "lane":
      return named("Lane", map.lanes.find((l) => l.id === ref.id)?.name);
    case "persona":
      return named("Persona", map.personas.find((p) => p.id === ref.id)?.name);
    case "evidence":
      return named("Evidence", map.evidence.find((e) => e.id === ref.id)?.text.slice(0, 60));
    case "card": {
      const card = [...map.cardsByTouchpoint.values(), map.unassignedCards]
        .flat()
        .find((c) => c.id === ref.id);
      return card
        ? named(card.kind === "painPoint" ? "Pain point" : "Opportunity", card.title)
        : named("Card", undefined);
    }
    case "cell": {
      const lane = map.lanes.find((l) => l.id === ref.laneId);
      const tp = step(ref.touchpointId);
      if (!lane || !tp) return "Cell (deleted)";
      return `${lane.name || LANE_KIND_LABELS[lane.kind]} × ${tp.name || UNTITLED}`;
    }
    case "emotion": {
      const persona = map.personas.find((p) => p.id === ref.personaId);
      const tp = step(ref.touchpointId);
      if (!persona || !tp) return "Curve point (deleted)";
      return `${persona.name}'s emotion at ${tp.name || UNTITLED}`;
    }
    case "meta":
      return named("Map", map.meta.title);
  }
}
