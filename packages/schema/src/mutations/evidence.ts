import type * as Y from "yjs";
import type { EvidenceId } from "../ids.ts";
import { EVIDENCE } from "../layout.ts";
import type { EvidenceFields, EvidenceTarget } from "../records/Evidence.ts";
import { EMOTION_MAX, EMOTION_MIN, EVIDENCE_KINDS } from "../vocabulary.ts";
import { clampInt, longText, oneOf, shortText, withDefaults } from "./input.ts";
import {
  entityMap,
  insertEntity,
  type MutationContext,
  newId,
  setFields,
  transact,
} from "./transact.ts";

export interface NewEvidence extends EvidenceFields {
  readonly target: EvidenceTarget;
}

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

export function addEvidence(doc: Y.Doc, input: NewEvidence, ctx: MutationContext): EvidenceId {
  return transact(doc, ctx, () => {
    const id = newId(ctx) as EvidenceId;
    insertEntity(doc, "evidence", id, {
      ...withDefaults(
        {
          kind: "other",
          text: "",
          source: "",
          url: "",
          contributor: "",
          team: "",
          sentiment: null,
        },
        validFields(input),
      ),
      [EVIDENCE.target]: { kind: input.target.kind, id: input.target.id },
      [EVIDENCE.createdAt]: (ctx.now ?? Date.now)(),
    });
    return id;
  });
}

export function updateEvidence(
  doc: Y.Doc,
  id: EvidenceId,
  fields: EvidenceFields,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => setFields(doc, "evidence", id, validFields(fields)));
}

/** Re-attaches evidence to another touchpoint or card (one value, like a move). */
export function retargetEvidence(
  doc: Y.Doc,
  id: EvidenceId,
  target: EvidenceTarget,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () =>
    setFields(doc, "evidence", id, { [EVIDENCE.target]: { kind: target.kind, id: target.id } }),
  );
}

export function deleteEvidence(doc: Y.Doc, id: EvidenceId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = entityMap(doc, "evidence");
    if (!map.has(id)) return false;
    map.delete(id);
    return true;
  });
}
