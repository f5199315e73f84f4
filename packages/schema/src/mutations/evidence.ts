import type * as Y from "yjs";
import type { EvidenceId } from "../ids.ts";
import { EVIDENCE } from "../layout.ts";
import type { EvidenceFields, EvidenceTarget } from "../records/Evidence.ts";
import { EMOTION_MAX, EMOTION_MIN, EVIDENCE_KINDS } from "../vocabulary.ts";
import { addEntity, removeEntity, updateEntity } from "./entities.ts";
import { clampInt, longText, oneOf, shortText, withDefaults } from "./input.ts";
import { type MutationContext, transact } from "./transact.ts";

export interface NewEvidence extends EvidenceFields {
  readonly target: EvidenceTarget;
}

const DEFAULTS = {
  kind: "other",
  text: "",
  source: "",
  url: "",
  contributor: "",
  team: "",
  sentiment: null,
};

function validFields(fields: EvidenceFields) {
  return {
    [EVIDENCE.kind]: oneOf(fields.kind, EVIDENCE_KINDS, "evidence kind"),
    [EVIDENCE.text]: longText(fields.text),
    [EVIDENCE.source]: shortText(fields.source),
    [EVIDENCE.url]: fields.url?.slice(0, 2000),
    [EVIDENCE.contributor]: shortText(fields.contributor),
    [EVIDENCE.team]: shortText(fields.team),
    [EVIDENCE.sentiment]:
      fields.sentiment === null ? null : clampInt(fields.sentiment, EMOTION_MIN, EMOTION_MAX),
  };
}

/** A copy of the target (the caller's object may carry more than the two fields). */
const targetValue = (target: EvidenceTarget) => ({ kind: target.kind, id: target.id });

/** Evidence is not ordered: it sorts by when it was added. */
export function addEvidence(doc: Y.Doc, input: NewEvidence, ctx: MutationContext): EvidenceId {
  const fields = () => ({
    ...withDefaults(DEFAULTS, validFields(input)),
    [EVIDENCE.target]: targetValue(input.target),
    [EVIDENCE.createdAt]: (ctx.now ?? Date.now)(),
  });
  return addEntity(doc, "evidence", fields, null, ctx) as EvidenceId;
}

export function updateEvidence(
  doc: Y.Doc,
  id: EvidenceId,
  fields: EvidenceFields,
  ctx: MutationContext,
): boolean {
  return updateEntity(doc, "evidence", id, () => validFields(fields), ctx);
}

/** Re-attaches evidence to another touchpoint or card (one value, like a move). */
export function retargetEvidence(
  doc: Y.Doc,
  id: EvidenceId,
  target: EvidenceTarget,
  ctx: MutationContext,
): boolean {
  return updateEntity(doc, "evidence", id, () => ({ [EVIDENCE.target]: targetValue(target) }), ctx);
}

export function deleteEvidence(doc: Y.Doc, id: EvidenceId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => removeEntity(doc, "evidence", id));
}
