import type * as Y from "yjs";
import type { PersonaId } from "../ids.ts";
import { PERSONA } from "../layout.ts";
import {
  DEMOGRAPHIC_FIELDS,
  isLibraryPersonaId,
  PSYCHOGRAPHIC_FIELDS,
  type PersonaFields,
} from "../records/Persona.ts";
import { deleteEmotionsWhere } from "./emotions.ts";
import { addEntity, moveEntityTo, removeEntity, updateEntity } from "./entities.ts";
import { colour, longText, shortText } from "./input.ts";
import { type MutationContext, transact } from "./transact.ts";

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
  const at = { parent: "", index: input.index };
  return addEntity(doc, "personas", () => validFields(input), at, ctx) as PersonaId;
}

export function updatePersona(
  doc: Y.Doc,
  id: PersonaId,
  fields: PersonaFields,
  ctx: MutationContext,
): boolean {
  return updateEntity(doc, "personas", id, () => validFields(fields), ctx);
}

/**
 * Links a persona to a workspace library persona (issue 19), or detaches it (null): its fields
 * stay as they are either way; from then on the server writes (or no longer writes) the library
 * persona's edits into it. One plain value, so a concurrent link and detach converge on one.
 */
export function linkPersona(
  doc: Y.Doc,
  id: PersonaId,
  libraryPersonaId: string | null,
  ctx: MutationContext,
): boolean {
  if (libraryPersonaId !== null && !isLibraryPersonaId(libraryPersonaId)) {
    throw new RangeError(`Not a library persona id: ${JSON.stringify(libraryPersonaId)}`);
  }
  return updateEntity(
    doc,
    "personas",
    id,
    () => ({ [PERSONA.libraryPersonaId]: libraryPersonaId }),
    ctx,
  );
}

export function movePersona(doc: Y.Doc, id: PersonaId, index: number, ctx: MutationContext) {
  return moveEntityTo(doc, "personas", id, "", index, ctx);
}

/** Deletes a persona and its emotion curve. */
export function deletePersona(doc: Y.Doc, id: PersonaId, ctx: MutationContext): boolean {
  return transact(doc, ctx, () =>
    removeEntity(doc, "personas", id, () =>
      deleteEmotionsWhere(doc, (personaId) => personaId === id),
    ),
  );
}
