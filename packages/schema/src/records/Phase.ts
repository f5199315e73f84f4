import type { PhaseId } from "../ids.ts";
import { PHASE } from "../layout.ts";
import { MAX_LONG_TEXT, toColour, toPosition, toText } from "../read/coerce.ts";
import { paletteColour } from "../vocabulary.ts";
import type { Fields } from "./fields.ts";
import { hashIndex } from "./Persona.ts";

export interface Phase {
  readonly id: PhaseId;
  readonly key: string;
  readonly name: string;
  readonly colour: string;
  readonly description: string;
  /** True only for the synthetic "Unassigned" phase that holds orphaned touchpoints. */
  readonly synthetic: boolean;
}

export type PhaseFields = Partial<Pick<Phase, "name" | "colour" | "description">>;

export const PHASE_DEFAULT_NAME = "Untitled phase";

/**
 * Touchpoints whose phase no longer exists (deleted concurrently, or a corrupt position) are
 * shown in this synthetic phase at the end of the board, so nothing is silently lost.
 */
export const UNASSIGNED_PHASE_ID = "unassigned" as PhaseId;
export const UNASSIGNED_PHASE: Phase = Object.freeze({
  id: UNASSIGNED_PHASE_ID,
  key: "",
  name: "Unassigned",
  colour: "#8a8f98",
  description: "Steps whose phase was deleted. Move them into a phase or delete them.",
  synthetic: true,
});

export function readPhase(id: string, fields: Fields): Phase {
  return {
    id: id as PhaseId,
    key: toPosition(fields.get(PHASE.pos)).key,
    name: toText(fields.get(PHASE.name)).trim() || PHASE_DEFAULT_NAME,
    colour: toColour(fields.get(PHASE.colour), paletteColour(hashIndex(id))),
    description: toText(fields.get(PHASE.description), "", MAX_LONG_TEXT),
    synthetic: false,
  };
}
