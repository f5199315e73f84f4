import type { CardKind, CardStatus, Channel, EvidenceKind, LaneKind } from "../vocabulary.ts";
import type { EvidenceTarget } from "../records/Evidence.ts";
import type { DemographicField, PsychographicField } from "../records/Persona.ts";
import type { RichTextNode } from "../read/richText.ts";

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

export interface PersonaSnapshot {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly quote: string;
  readonly colour: string;
  readonly demographics: Readonly<Record<DemographicField, string>>;
  readonly psychographics: Readonly<Record<PsychographicField, string>>;
}

export interface PhaseSnapshot {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly description: string;
}

export interface TouchpointSnapshot {
  readonly id: string;
  readonly phaseId: string;
  readonly name: string;
  readonly channel: Channel;
  readonly action: string;
  readonly team: string;
  readonly description: readonly RichTextNode[];
}

export interface LaneSnapshot {
  readonly id: string;
  readonly kind: LaneKind;
  readonly name: string;
  readonly hidden: boolean;
}

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

export interface CardSnapshot {
  readonly id: string;
  readonly kind: CardKind;
  /** May name no touchpoint (an orphan shown in unassigned cards). */
  readonly touchpointId: string;
  readonly title: string;
  readonly detail: string;
  readonly rating: number;
  readonly status: CardStatus;
  readonly owner: string;
}

export interface EvidenceSnapshot {
  readonly id: string;
  readonly target: EvidenceTarget | null;
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly source: string;
  readonly url: string;
  readonly contributor: string;
  readonly team: string;
  readonly sentiment: number | null;
  readonly createdAt: number;
}
