/**
 * A thin facade over the mutation functions for one document and one origin, so UI code
 * writes `editor.movePhase(id, 2)` and every call carries the same origin and id source.
 */
import * as Y from "yjs";
import type { CardId, LaneId, PersonaId, TouchpointId } from "./ids.ts";
import { ENTITY_ROOTS, ROOT } from "./layout.ts";
import { LOCAL_ORIGIN } from "./origin.ts";
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

  /** A mutation `(doc, ...args, ctx)` as a method `(...args)` of this document and context. */
  private bound<A extends unknown[], R>(
    mutation: (doc: Y.Doc, ...rest: [...A, MutationContext]) => R,
  ): (...args: A) => R {
    return (...args) => mutation(this.doc, ...args, this.ctx);
  }

  updateMeta = this.bound(updateMapMeta);

  addPersona = this.bound(personas.addPersona);
  updatePersona = this.bound(personas.updatePersona);
  linkPersona = this.bound(personas.linkPersona);
  movePersona = this.bound(personas.movePersona);
  deletePersona = this.bound(personas.deletePersona);

  addPhase = (input: phases.NewPhase = {}) => phases.addPhase(this.doc, input, this.ctx);
  updatePhase = this.bound(phases.updatePhase);
  movePhase = this.bound(phases.movePhase);
  deletePhase = this.bound(phases.deletePhase);

  addTouchpoint = this.bound(touchpoints.addTouchpoint);
  updateTouchpoint = this.bound(touchpoints.updateTouchpoint);
  moveTouchpoint = this.bound(touchpoints.moveTouchpoint);
  deleteTouchpoint = this.bound(touchpoints.deleteTouchpoint);

  addLane = this.bound(lanes.addLane);
  updateLane = this.bound(lanes.updateLane);
  moveLane = this.bound(lanes.moveLane);
  deleteLane = this.bound(lanes.deleteLane);

  cellFragment = (laneId: LaneId, touchpointId: TouchpointId) =>
    cells.cellFragment(this.doc, laneId, touchpointId);
  setCellText = this.bound(cells.setCellText);
  setLaneValue = this.bound(lanes.setLaneValue);

  setEmotion = (personaId: PersonaId, touchpointId: TouchpointId, score: number, note?: string) =>
    emotions.setEmotion(
      this.doc,
      personaId,
      touchpointId,
      note === undefined ? { score } : { score, note },
      this.ctx,
    );
  clearEmotion = this.bound(emotions.clearEmotion);

  addCard = this.bound(cards.addCard);
  updateCard = this.bound(cards.updateCard);
  linkCard = this.bound(cards.linkCard);
  moveCard = this.bound(cards.moveCard);
  deleteCard = this.bound(cards.deleteCard);
  cardDescription = (cardId: CardId) => cards.cardDescription(this.doc, cardId);
  setCardDescriptionText = this.bound(cards.setCardDescriptionText);

  addEvidence = this.bound(evidence.addEvidence);
  updateEvidence = this.bound(evidence.updateEvidence);
  retargetEvidence = this.bound(evidence.retargetEvidence);
  deleteEvidence = this.bound(evidence.deleteEvidence);
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
