/** Comment targets: from the board's selection, and named for people in the panel. */
import {
  isValidTarget,
  type JourneyMap,
  LANE_KIND_LABELS,
  type TalkTarget,
} from "@journeymap/schema";
import type { Selection } from "../../sync/presence.ts";

/** The thread target for what is selected on the board (cells and curve points included). */
export function targetOfSelection(selection: Selection): TalkTarget | null {
  if (!selection) return null;
  const target: TalkTarget =
    selection.kind === "cell"
      ? { kind: "cell", id: selection.id.replace(/^cell\//, "") }
      : selection.kind === "point"
        ? { kind: "emotion", id: selection.id }
        : { kind: selection.kind, id: selection.id };
  return isValidTarget(target) ? target : null;
}

/** The board element a target is drawn as (its `data-presence` key). */
export function presenceKeyOf(target: TalkTarget): string {
  if (target.kind === "cell") return `cell:cell/${target.id}`;
  if (target.kind === "emotion") return `point:${target.id}`;
  return `${target.kind}:${target.id}`;
}

/** "Step · Compares plans", "Cell · Actions × Compares plans", or "(deleted)". */
export function targetLabel(map: JourneyMap, target: TalkTarget): string {
  const step = (id: string | undefined) => map.touchpoints.find((t) => t.id === id);
  switch (target.kind) {
    case "phase": {
      const phase = map.phases.find((p) => p.id === target.id);
      return phase ? `Phase · ${phase.name || "Untitled"}` : "Phase (deleted)";
    }
    case "touchpoint": {
      const tp = step(target.id);
      return tp ? `Step · ${tp.name || "Untitled"}` : "Step (deleted)";
    }
    case "card": {
      for (const cards of map.cardsByTouchpoint.values()) {
        const card = cards.find((c) => c.id === target.id);
        if (card)
          return `${card.kind === "painPoint" ? "Pain point" : "Opportunity"} · ${card.title || "Untitled"}`;
      }
      return "Card (deleted)";
    }
    case "cell": {
      const [laneId, tpId] = target.id.split("/");
      const lane = map.lanes.find((l) => l.id === laneId);
      const tp = step(tpId);
      if (!lane || !tp) return "Cell (deleted)";
      return `${lane.name || LANE_KIND_LABELS[lane.kind]} × ${tp.name || "Untitled"}`;
    }
    case "emotion": {
      const [personaId, tpId] = target.id.split("/");
      const persona = map.personas.find((p) => p.id === personaId);
      const tp = step(tpId);
      if (!persona || !tp) return "Curve point (deleted)";
      return `${persona.name}'s emotion at ${tp.name || "Untitled"}`;
    }
  }
}
