/**
 * Library personas between their three shapes: the stored record (texts by field name), the
 * API's persona (demographics and psychographics apart), and the fields a map's persona takes
 * (schema PersonaFields), which is what a library edit writes into linked maps.
 */
import type {
  CreateLibraryPersonaBody,
  LibraryPersona,
  UpdateLibraryPersonaBody,
} from "@journeymap/protocol/http";
import { DEMOGRAPHIC_FIELDS, type PersonaFields, PSYCHOGRAPHIC_FIELDS } from "@journeymap/schema";
import type { LibraryPersonaRecord } from "@journeymap/storage";

type Texts<K extends string> = Record<K, string>;

function textsOf<K extends string>(
  keys: readonly K[],
  fields: Readonly<Record<string, string>>,
): Texts<K> {
  return Object.fromEntries(keys.map((k) => [k, fields[k] ?? ""])) as Texts<K>;
}

/** The API's persona; `updatedBy` is the name to show, `mapCount` the caller's maps using it. */
export function toLibraryPersona(
  record: LibraryPersonaRecord,
  updatedBy: string,
  mapCount: number,
): LibraryPersona {
  return {
    id: record.id,
    workspaceId: record.workspaceId,
    name: record.name,
    role: record.role,
    quote: record.quote,
    colour: record.colour,
    demographics: textsOf(DEMOGRAPHIC_FIELDS, record.fields),
    psychographics: textsOf(PSYCHOGRAPHIC_FIELDS, record.fields),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    updatedBy,
    archivedAt: record.archivedAt,
    mapCount,
  };
}

/**
 * A map persona's fields for what the body sends: only those, so a library edit of the
 * occupation leaves a linked map's other fields as they are. An empty colour is left out: a
 * map's persona always has one (its palette's).
 */
export function personaFieldsOf(body: UpdateLibraryPersonaBody): PersonaFields {
  const fields: Record<string, string> = {};
  for (const key of ["name", "role", "quote", "colour"] as const) {
    const value = body[key];
    if (value !== undefined && !(key === "colour" && value === "")) fields[key] = value;
  }
  for (const [key, value] of Object.entries({ ...body.demographics, ...body.psychographics }))
    if (value !== undefined) fields[key] = value;
  return fields as PersonaFields;
}

/** The stored texts after `body` (all of them: a create sends what it has, the rest is ""). */
export function applyBody(
  record: Pick<LibraryPersonaRecord, "name" | "role" | "quote" | "colour" | "fields">,
  body: UpdateLibraryPersonaBody | CreateLibraryPersonaBody,
): Pick<LibraryPersonaRecord, "name" | "role" | "quote" | "colour" | "fields"> {
  const fields: Record<string, string> = { ...record.fields };
  for (const [key, value] of Object.entries({ ...body.demographics, ...body.psychographics }))
    if (value !== undefined) fields[key] = value;
  return {
    name: body.name ?? record.name,
    role: body.role ?? record.role,
    quote: body.quote ?? record.quote,
    colour: (body.colour ?? record.colour).toLowerCase(),
    fields,
  };
}

/** Every field of a library persona as a map persona's fields: what adding it to a map writes. */
export function allPersonaFields(
  record: Pick<LibraryPersonaRecord, "name" | "role" | "quote" | "colour" | "fields">,
): PersonaFields {
  return personaFieldsOf({
    name: record.name,
    role: record.role,
    quote: record.quote,
    colour: record.colour,
    demographics: textsOf(DEMOGRAPHIC_FIELDS, record.fields),
    psychographics: textsOf(PSYCHOGRAPHIC_FIELDS, record.fields),
  });
}
