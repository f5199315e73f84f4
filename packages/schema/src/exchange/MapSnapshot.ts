import type { RichTextNode } from "../read/richText.ts";
import type { Card } from "../records/Card.ts";
import type { Evidence } from "../records/Evidence.ts";
import type { Lane } from "../records/Lane.ts";
import type { LaneValue } from "../records/laneValue.ts";
import type { Persona } from "../records/Persona.ts";
import type { Phase } from "../records/Phase.ts";
import type { Touchpoint } from "../records/Touchpoint.ts";

/**
 * A whole map as plain data: what the open file format carries and what imports write.
 * Order is array order (keys are an implementation detail and are regenerated on import).
 * Ids are kept, so a snapshot re-imported into an empty document reads back the same map.
 */
export interface MapSnapshot {
  readonly title: string;
  readonly description: string;
  readonly personas: readonly PersonaSnapshot[];
  readonly phases: readonly PhaseSnapshot[];
  /** In board order; `phaseId` may name no phase (an orphan shown in Unassigned). */
  readonly touchpoints: readonly TouchpointSnapshot[];
  readonly lanes: readonly LaneSnapshot[];
  readonly cells: readonly CellSnapshot[];
  readonly emotions: readonly EmotionSnapshot[];
  readonly cards: readonly CardSnapshot[];
  readonly evidence: readonly EvidenceSnapshot[];
}

/**
 * A record as plain data: ids are strings (a file may name an element the map lacks) and
 * there is no order key. `K` lists further fields the snapshot leaves out or retypes.
 */
type Plain<T, K extends keyof T = never> = Omit<T, "id" | "key" | K> & { readonly id: string };

/** A library link (issue 19) names a workspace's persona: it does not travel in files. */
export type PersonaSnapshot = Plain<Persona, "libraryPersonaId">;
export type PhaseSnapshot = Plain<Phase, "synthetic">;
/** A typed lane's values as a list, in step id order (the read model's order). */
export type LaneSnapshot = Plain<Lane, "values"> & {
  readonly values: readonly LaneValueSnapshot[];
};

export interface LaneValueSnapshot {
  readonly touchpointId: string;
  readonly value: LaneValue;
}
export type EvidenceSnapshot = Plain<Evidence>;

/** The description as rich text, where the read model has its plain text. */
export type TouchpointSnapshot = Plain<Touchpoint, "phaseId" | "descriptionText" | "subMapId"> & {
  readonly phaseId: string;
  readonly description: readonly RichTextNode[];
  /** The sub-journey's map id; files and imports without one leave it out. */
  readonly subMapId?: string | null;
};

/** A library link (issue 19) names a workspace's opportunity: it does not travel in files. */
export type CardSnapshot = Plain<Card, "touchpointId" | "libraryOpportunityId"> & {
  /** May name no touchpoint (an orphan shown in unassigned cards). */
  readonly touchpointId: string;
  /** The rich-text description (empty when the card has none). */
  readonly description: readonly RichTextNode[];
};

export interface CellSnapshot {
  readonly laneId: string;
  readonly touchpointId: string;
  readonly content: readonly RichTextNode[];
}

export interface EmotionSnapshot {
  readonly personaId: string;
  readonly touchpointId: string;
  readonly score: number;
  readonly note: string;
}
