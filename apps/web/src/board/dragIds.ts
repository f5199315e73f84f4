/**
 * dnd-kit ids of the board's sortables and drop zones: each is an element's key. The step row of
 * a phase without steps takes drops too; it is no element of its own, so its id is its phase's
 * key marked as that slot (a step dropped there goes into the phase, a phase is not moved).
 */
import type { UniqueIdentifier } from "@dnd-kit/core";
import { type ElementRef, elementKey, type PhaseId, parseElementKey } from "@journeymap/schema";

const EMPTY_PHASE_SLOT = "slot:";

export function dragId(ref: ElementRef): string {
  return elementKey(ref);
}

export function emptyPhaseSlotId(phaseId: PhaseId): string {
  return `${EMPTY_PHASE_SLOT}${elementKey({ kind: "phase", id: phaseId })}`;
}

/** What a drag id names; `slot` for the step row of an empty phase. */
export function readDragId(id: UniqueIdentifier): { ref: ElementRef; slot: boolean } | null {
  const key = String(id);
  const slot = key.startsWith(EMPTY_PHASE_SLOT);
  const ref = parseElementKey(slot ? key.slice(EMPTY_PHASE_SLOT.length) : key);
  return ref && { ref, slot };
}
