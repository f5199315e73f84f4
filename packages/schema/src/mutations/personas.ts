import type * as Y from "yjs";
import type { PersonaId } from "../ids.ts";
import { PERSONA } from "../layout.ts";
import {
  DEMOGRAPHIC_FIELDS,
  PSYCHOGRAPHIC_FIELDS,
  type PersonaFields,
} from "../records/Persona.ts";
import { deleteEmotionsWhere } from "./emotions.ts";
import { colour, longText, shortText } from "./input.ts";
import {
  entityMap,
  insertEntity,
  moveEntity,
  type MutationContext,
  newId,
  positionAt,
  setFields,
  transact,
} from "./transact.ts";

export interface NewPersona extends PersonaFields {
  readonly index?: number;
}

function validFields(fields: PersonaFields): Record<string, unknown> {
  const out: Record<string, unknown> = {
    [PERSONA.name]: shortText(fields.name),
    [PERSONA.role]: shortText(fields.role),
    [PERSONA.quote]: longText(fields.quote),
    [PERSONA.colour]: colour(fields.colour),
  };
  for (const f of DEMOGRAPHIC_FIELDS) out[PERSONA[f]] = shortText(fields[f]);
  for (const f of PSYCHOGRAPHIC_FIELDS) out[PERSONA[f]] = longText(fields[f]);
  return out;
}

export function addPersona(doc: Y.Doc, input: NewPersona, ctx: MutationContext): PersonaId {
  return transact(doc, ctx, () => {
    const id = newId(ctx) as PersonaId;
    insertEntity(doc, "personas", id, {
      ...validFields(input),
      [PERSONA.pos]: positionAt(doc, "personas", "", input.index),
    });
    return id;
  });
}

export function updatePersona(
  doc: Y.Doc,
  id: PersonaId,
  fields: PersonaFields,
  ctx: MutationContext,
): boolean {
  return transact(doc, ctx, () => setFields(doc, "personas", id, validFields(fields)));
}

export function movePersona(doc: Y.Doc, id: PersonaId, index: number, ctx: MutationContext) {
  return transact(doc, ctx, () => moveEntity(doc, "personas", id, "", index));
}

/** Deletes a persona and its emotion curve. */
export function deletePersona(doc: Y.Doc, id: PersonaId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () => {
    const map = entityMap(doc, "personas");
    if (!map.has(id)) return false;
    map.delete(id);
    deleteEmotionsWhere(doc, (personaId) => personaId === id);
    return true;
  });
}
