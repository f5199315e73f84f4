/**
 * Moves by drag and drop and by keyboard, translated into schema moves. Touchpoints stepping
 * past the end of their phase continue into the neighbouring phase.
 */
import type { DragEndEvent } from "@dnd-kit/core";
import {
  type CardId,
  type ElementRef,
  type JourneyMap,
  type MapEditor,
  type PhaseId,
  type RefOf,
  type TouchpointId,
  UNASSIGNED_PHASE_ID,
} from "@journeymap/schema";
import { useCallback } from "react";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { readDragId } from "./dragIds.ts";
import { indexForDrop, indexForStep } from "./reorder.ts";

const realPhaseIds = (map: JourneyMap): PhaseId[] =>
  map.phases.filter((p) => !p.synthetic).map((p) => p.id);
const touchpointIds = (map: JourneyMap, phaseId: PhaseId): TouchpointId[] =>
  (map.touchpointsByPhase.get(phaseId) ?? []).map((t) => t.id);

/** A card dropped onto a card (it takes that card's place) or onto a step's card cell (last). */
function dropCard(
  editor: MapEditor,
  map: JourneyMap,
  cardId: CardId,
  over: RefOf<"card" | "cell">,
): void {
  const overCard =
    over.kind === "card"
      ? [...map.cardsByTouchpoint.values()].flat().find((c) => c.id === over.id)
      : undefined;
  const touchpointId = over.kind === "cell" ? over.touchpointId : overCard?.touchpointId;
  if (!touchpointId || !map.touchpoints.some((t) => t.id === touchpointId)) return;
  const ids = (map.cardsByTouchpoint.get(touchpointId) ?? []).map((c) => c.id);
  editor.moveCard(
    cardId,
    touchpointId,
    overCard ? indexForDrop(ids, cardId, overCard.id) : ids.filter((id) => id !== cardId).length,
  );
}

/** One drop: `active` was dragged onto `over` (`slot`: the step row of an empty phase). */
function drop(
  editor: MapEditor,
  map: JourneyMap,
  active: ElementRef,
  over: ElementRef,
  slot: boolean,
): void {
  if (active.kind === "phase" && over.kind === "phase" && !slot) {
    editor.movePhase(active.id, indexForDrop(realPhaseIds(map), active.id, over.id));
  } else if (active.kind === "touchpoint" && over.kind === "touchpoint") {
    const target = map.touchpoints.find((t) => t.id === over.id);
    if (!target || target.phaseId === UNASSIGNED_PHASE_ID) return;
    const ids = touchpointIds(map, target.phaseId);
    editor.moveTouchpoint(active.id, target.phaseId, indexForDrop(ids, active.id, over.id));
  } else if (active.kind === "lane" && over.kind === "lane") {
    const ids = map.lanes.map((l) => l.id);
    editor.moveLane(active.id, indexForDrop(ids, active.id, over.id));
  } else if (active.kind === "card" && (over.kind === "card" || over.kind === "cell")) {
    dropCard(editor, map, active.id, over);
  } else if (active.kind === "touchpoint" && over.kind === "phase") {
    if (over.id === UNASSIGNED_PHASE_ID) return;
    const count = touchpointIds(map, over.id).filter((id) => id !== active.id).length;
    editor.moveTouchpoint(active.id, over.id, count);
  }
}

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
      editor.moveTouchpoint(touchpointId, target, step === 1 ? 0 : targetCount);
    },
    [editor, reader],
  );

  const handleDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      if (!over || active.id === over.id) return;
      const from = readDragId(active.id);
      const to = readDragId(over.id);
      if (from && to) drop(editor, reader.read(), from.ref, to.ref, to.slot);
    },
    [editor, reader],
  );

  return { movePhase, moveTouchpoint, handleDragEnd };
}
