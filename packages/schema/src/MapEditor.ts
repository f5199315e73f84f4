/**
 * A thin facade over the mutation functions for one document and one origin, so UI code
 * writes `editor.movePhase(id, 2)` and every call carries the same origin and id source.
 */
import * as Y from "yjs";
import type { CardId, EvidenceId, LaneId, PersonaId, PhaseId, TouchpointId } from "./ids.ts";
import { ENTITY_ROOTS, ROOT } from "./layout.ts";
import { LOCAL_ORIGIN } from "./origin.ts";
import type { CardFields } from "./records/Card.ts";
import type { EvidenceFields, EvidenceTarget } from "./records/Evidence.ts";
import type { LaneFields } from "./records/Lane.ts";
import type { MapMetaFields } from "./records/MapMeta.ts";
import type { PersonaFields } from "./records/Persona.ts";
import type { PhaseFields } from "./records/Phase.ts";
import type { TouchpointFields } from "./records/Touchpoint.ts";
import * as cards from "./mutations/cards.ts";
import * as cells from "./mutations/cells.ts";
import * as emotions from "./mutations/emotions.ts";
import * as evidence from "./mutations/evidence.ts";
import * as lanes from "./mutations/lanes.ts";
import { updateMapMeta } from "./mutations/meta.ts";
import * as personas from "./mutations/personas.ts";
import * as phases from "./mutations/phases.ts";
import * as touchpoints from "./mutations/touchpoints.ts";
import type { MutationContext } from "./mutations/transact.ts";

export class MapEditor {
  readonly doc: Y.Doc;
  readonly ctx: MutationContext;

  constructor(doc: Y.Doc, ctx: MutationContext = { origin: LOCAL_ORIGIN }) {
    this.doc = doc;
    this.ctx = ctx;
  }

  updateMeta = (fields: MapMetaFields) => updateMapMeta(this.doc, fields, this.ctx);

  addPersona = (input: personas.NewPersona) => personas.addPersona(this.doc, input, this.ctx);
  updatePersona = (id: PersonaId, fields: PersonaFields) =>
    personas.updatePersona(this.doc, id, fields, this.ctx);
  movePersona = (id: PersonaId, index: number) =>
    personas.movePersona(this.doc, id, index, this.ctx);
  deletePersona = (id: PersonaId) => personas.deletePersona(this.doc, id, this.ctx);

  addPhase = (input: phases.NewPhase = {}) => phases.addPhase(this.doc, input, this.ctx);
  updatePhase = (id: PhaseId, fields: PhaseFields) =>
    phases.updatePhase(this.doc, id, fields, this.ctx);
  movePhase = (id: PhaseId, index: number) => phases.movePhase(this.doc, id, index, this.ctx);
  deletePhase = (id: PhaseId) => phases.deletePhase(this.doc, id, this.ctx);

  addTouchpoint = (input: touchpoints.NewTouchpoint) =>
    touchpoints.addTouchpoint(this.doc, input, this.ctx);
  updateTouchpoint = (id: TouchpointId, fields: TouchpointFields) =>
    touchpoints.updateTouchpoint(this.doc, id, fields, this.ctx);
  moveTouchpoint = (id: TouchpointId, phaseId: PhaseId, index: number) =>
    touchpoints.moveTouchpoint(this.doc, id, phaseId, index, this.ctx);
  deleteTouchpoint = (id: TouchpointId) => touchpoints.deleteTouchpoint(this.doc, id, this.ctx);

  addLane = (input: lanes.NewLane) => lanes.addLane(this.doc, input, this.ctx);
  updateLane = (id: LaneId, fields: LaneFields) => lanes.updateLane(this.doc, id, fields, this.ctx);
  moveLane = (id: LaneId, index: number) => lanes.moveLane(this.doc, id, index, this.ctx);
  deleteLane = (id: LaneId) => lanes.deleteLane(this.doc, id, this.ctx);

  cellFragment = (laneId: LaneId, touchpointId: TouchpointId) =>
    cells.cellFragment(this.doc, laneId, touchpointId);
  setCellText = (laneId: LaneId, touchpointId: TouchpointId, text: string) =>
    cells.setCellText(this.doc, laneId, touchpointId, text, this.ctx);

  setEmotion = (personaId: PersonaId, touchpointId: TouchpointId, score: number, note?: string) =>
    emotions.setEmotion(
      this.doc,
      personaId,
      touchpointId,
      note === undefined ? { score } : { score, note },
      this.ctx,
    );
  clearEmotion = (personaId: PersonaId, touchpointId: TouchpointId) =>
    emotions.clearEmotion(this.doc, personaId, touchpointId, this.ctx);

  addCard = (input: cards.NewCard) => cards.addCard(this.doc, input, this.ctx);
  updateCard = (id: CardId, fields: CardFields) => cards.updateCard(this.doc, id, fields, this.ctx);
  moveCard = (id: CardId, touchpointId: TouchpointId, index: number) =>
    cards.moveCard(this.doc, id, touchpointId, index, this.ctx);
  deleteCard = (id: CardId) => cards.deleteCard(this.doc, id, this.ctx);

  addEvidence = (input: evidence.NewEvidence) => evidence.addEvidence(this.doc, input, this.ctx);
  updateEvidence = (id: EvidenceId, fields: EvidenceFields) =>
    evidence.updateEvidence(this.doc, id, fields, this.ctx);
  retargetEvidence = (id: EvidenceId, target: EvidenceTarget) =>
    evidence.retargetEvidence(this.doc, id, target, this.ctx);
  deleteEvidence = (id: EvidenceId) => evidence.deleteEvidence(this.doc, id, this.ctx);
}

/**
 * Board-level undo: tracks the structural root maps, and only transactions with the given
 * origin (the local user's), so undo never reverts someone else's work. Rich-text cells have
 * their own per-editor undo (Tiptap): one UndoManager shared across editors is torn down
 * whenever Tiptap re-registers its plugins (liveblocks/liveblocks#3394).
 */
export function createBoardUndoManager(doc: Y.Doc, origin: object = LOCAL_ORIGIN): Y.UndoManager {
  const scope = [ROOT.meta, ...ENTITY_ROOTS.map((r) => ROOT[r]), ROOT.emotions].map((name) =>
    doc.getMap(name),
  );
  return new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 500 });
}
