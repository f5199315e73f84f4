import type { CardId, LaneId, PhaseId, TouchpointId } from "../ids.ts";
import type { Card } from "../records/Card.ts";
import type { EmotionPoint } from "../records/EmotionPoint.ts";
import type { Evidence } from "../records/Evidence.ts";
import type { Lane } from "../records/Lane.ts";
import type { MapMeta } from "../records/MapMeta.ts";
import type { Persona } from "../records/Persona.ts";
import type { Phase } from "../records/Phase.ts";
import type { Touchpoint } from "../records/Touchpoint.ts";
import type { RichTextNode } from "./richText.ts";

export interface Cell {
  readonly laneId: LaneId;
  readonly touchpointId: TouchpointId;
  readonly text: string;
  readonly content: readonly RichTextNode[];
}

/** A card's rich-text description, when it has one. */
export interface CardDescription {
  readonly cardId: CardId;
  readonly text: string;
  readonly content: readonly RichTextNode[];
}

/**
 * The read model: a plain, ordered, validated view of one map, for the UI and the server.
 * Dangling references are resolved by the rules in docs/SPEC.md (INV-R*):
 *  - a touchpoint whose phase is missing sits in the synthetic Unassigned phase (last);
 *  - a card whose touchpoint is missing is in `unassignedCards`;
 *  - evidence whose target is missing is in `unassignedEvidence`;
 *  - emotion points and cells of missing personas, lanes or touchpoints are not shown.
 * Unchanged parts keep their identity between reads (structural sharing), so React
 * selectors can compare by reference.
 */
export interface JourneyMap {
  readonly meta: MapMeta;
  readonly personas: readonly Persona[];
  /** Phases in order; the synthetic Unassigned phase last when it holds any touchpoint. */
  readonly phases: readonly Phase[];
  /** All touchpoints in board order, each `phaseId` resolved to a shown phase. */
  readonly touchpoints: readonly Touchpoint[];
  readonly touchpointsByPhase: ReadonlyMap<PhaseId, readonly Touchpoint[]>;
  readonly lanes: readonly Lane[];
  /** Keyed by emotionKey(personaId, touchpointId). */
  readonly emotions: ReadonlyMap<string, EmotionPoint>;
  readonly cardsByTouchpoint: ReadonlyMap<TouchpointId, readonly Card[]>;
  readonly unassignedCards: readonly Card[];
  /** Ordered by createdAt, then id. */
  readonly evidence: readonly Evidence[];
  /** Keyed by the target's id (a touchpoint or card id). */
  readonly evidenceByTarget: ReadonlyMap<string, readonly Evidence[]>;
  readonly unassignedEvidence: readonly Evidence[];
  /** Non-empty text cells of shown text lanes × shown touchpoints, keyed by cellRootName. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** Non-empty descriptions of existing cards, keyed by card id. */
  readonly cardDescriptions: ReadonlyMap<CardId, CardDescription>;
}

/** Every card in board order: by step, then the unassigned ones. */
export function cardsInBoardOrder(map: JourneyMap): Card[] {
  return [
    ...map.touchpoints.flatMap((t) => map.cardsByTouchpoint.get(t.id) ?? []),
    ...map.unassignedCards,
  ];
}
