/**
 * Moves by drag and drop and by keyboard, translated into schema moves. Touchpoints stepping
 * past the end of their phase continue into the neighbouring phase.
 */
import type { CardId, JourneyMap, LaneId, PhaseId, TouchpointId } from "@journeymap/schema";
import { UNASSIGNED_PHASE_ID } from "@journeymap/schema";
import type { DragEndEvent } from "@dnd-kit/core";
import { useCallback } from "react";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { indexForDrop, indexForStep } from "./reorder.ts";

const realPhaseIds = (map: JourneyMap) =>
  map.phases.filter((p) => !p.synthetic).map((p) => p.id as string);
const touchpointIds = (map: JourneyMap, phaseId: string) =>
  (map.touchpointsByPhase.get(phaseId as PhaseId) ?? []).map((t) => t.id as string);

export function useMoves() {
  const { editor, reader } = useMapSession();

  const movePhase = useCallback(
    (phaseId: PhaseId, step: -1 | 1) => {
      const index = indexForStep(realPhaseIds(reader.read()), phaseId, step);
      if (index !== null) editor.movePhase(phaseId, index);
    },
    [editor, reader],
  );

  const moveTouchpoint = useCallback(
    (touchpointId: TouchpointId, phaseId: PhaseId, step: -1 | 1) => {
      const map = reader.read();
      const ids = touchpointIds(map, phaseId);
      const index = indexForStep(ids, touchpointId, step);
      if (index !== null && phaseId !== UNASSIGNED_PHASE_ID) {
        editor.moveTouchpoint(touchpointId, phaseId, index);
        return;
      }
      // Past the edge: into the previous phase's end or the next phase's start.
      const phases = realPhaseIds(map);
      const at = phaseId === UNASSIGNED_PHASE_ID ? phases.length : phases.indexOf(phaseId);
      const target = phases[at + step];
      if (!target) return;
      const targetCount = touchpointIds(map, target).length;
      editor.moveTouchpoint(touchpointId, target as PhaseId, step === 1 ? 0 : targetCount);
    },
    [editor, reader],
  );

  const handleDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      if (!over || active.id === over.id) return;
      const map = reader.read();
      const [activeKind, activeId] = String(active.id).split(":") as [string, string];
      const [overKind, overId] = String(over.id).split(":") as [string, string];
      if (activeKind === "phase" && overKind === "phase") {
        editor.movePhase(activeId as PhaseId, indexForDrop(realPhaseIds(map), activeId, overId));
      } else if (activeKind === "tp" && overKind === "tp") {
        const target = map.touchpoints.find((t) => t.id === overId);
        if (!target || target.phaseId === UNASSIGNED_PHASE_ID) return;
        const ids = touchpointIds(map, target.phaseId);
        editor.moveTouchpoint(
          activeId as TouchpointId,
          target.phaseId,
          indexForDrop(ids, activeId, overId),
        );
      } else if (activeKind === "lane" && overKind === "lane") {
        const ids = map.lanes.map((l) => l.id as string);
        editor.moveLane(activeId as LaneId, indexForDrop(ids, activeId, overId));
      } else if (activeKind === "card" && (overKind === "card" || overKind === "cards")) {
        // Onto a card: take its place (in its step); onto a step's card cell: go last there.
        const overCard =
          overKind === "card"
            ? [...map.cardsByTouchpoint.values()].flat().find((c) => c.id === overId)
            : undefined;
        const touchpointId = (overCard?.touchpointId ?? overId) as TouchpointId;
        if (!map.touchpoints.some((t) => t.id === touchpointId)) return;
        const ids = (map.cardsByTouchpoint.get(touchpointId) ?? []).map((c) => c.id as string);
        editor.moveCard(
          activeId as CardId,
          touchpointId,
          overCard
            ? indexForDrop(ids, activeId, overId)
            : ids.filter((id) => id !== activeId).length,
        );
      } else if (activeKind === "tp" && (overKind === "phase" || overKind === "drop")) {
        if (overId === UNASSIGNED_PHASE_ID) return;
        const count = touchpointIds(map, overId).filter((id) => id !== activeId).length;
        editor.moveTouchpoint(activeId as TouchpointId, overId as PhaseId, count);
      }
    },
    [editor, reader],
  );

  return { movePhase, moveTouchpoint, handleDragEnd };
}
