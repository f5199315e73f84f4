import type { PersonaId } from "../ids.ts";
import { PERSONA } from "../layout.ts";
import { MAX_LONG_TEXT, toColour, toPosition, toText } from "../read/coerce.ts";
import { paletteColour } from "../vocabulary.ts";
import type { Fields } from "./fields.ts";

export const DEMOGRAPHIC_FIELDS = [
  "ageRange",
  "gender",
  "occupation",
  "education",
  "income",
  "location",
] as const;
export const PSYCHOGRAPHIC_FIELDS = [
  "goals",
  "needs",
  "motivations",
  "frustrations",
  "interests",
  "behaviours",
] as const;
export type DemographicField = (typeof DEMOGRAPHIC_FIELDS)[number];
export type PsychographicField = (typeof PSYCHOGRAPHIC_FIELDS)[number];

export interface Persona {
  readonly id: PersonaId;
  readonly key: string;
  readonly name: string;
  readonly role: string;
  readonly quote: string;
  readonly colour: string;
  readonly demographics: Readonly<Record<DemographicField, string>>;
  /** Multi-line plain text, one item per line. */
  readonly psychographics: Readonly<Record<PsychographicField, string>>;
  /**
   * The workspace library persona it follows (issue 19): the server writes the library's edits
   * into it. Null: a persona of this map only (never linked, or detached).
   */
  readonly libraryPersonaId: string | null;
}

export type PersonaFields = Partial<
  Pick<Persona, "name" | "role" | "quote" | "colour"> &
    Record<DemographicField, string> &
    Record<PsychographicField, string>
>;

export const PERSONA_DEFAULT_NAME = "Unnamed persona";

export function readPersona(id: string, fields: Fields): Persona {
  const demographics = {} as Record<DemographicField, string>;
  for (const f of DEMOGRAPHIC_FIELDS) demographics[f] = toText(fields.get(PERSONA[f]));
  const psychographics = {} as Record<PsychographicField, string>;
  for (const f of PSYCHOGRAPHIC_FIELDS) {
    psychographics[f] = toText(fields.get(PERSONA[f]), "", MAX_LONG_TEXT);
  }
  return {
    id: id as PersonaId,
    key: toPosition(fields.get(PERSONA.pos)).key,
    name: toText(fields.get(PERSONA.name)).trim() || PERSONA_DEFAULT_NAME,
    role: toText(fields.get(PERSONA.role)),
    quote: toText(fields.get(PERSONA.quote), "", MAX_LONG_TEXT),
    colour: toColour(fields.get(PERSONA.colour), paletteColour(hashIndex(id))),
    demographics,
    psychographics,
    libraryPersonaId: toLibraryPersonaId(fields.get(PERSONA.libraryPersonaId)),
  };
}

/** Library persona ids are the server's random ids: short, no spaces or slashes. */
const LIBRARY_PERSONA_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isLibraryPersonaId(value: unknown): value is string {
  return typeof value === "string" && LIBRARY_PERSONA_ID.test(value);
}

/** The stored link, or null when absent or not an id. */
export function toLibraryPersonaId(value: unknown): string | null {
  return isLibraryPersonaId(value) ? value : null;
}

/** A stable palette slot for an entity without a valid colour. */
export function hashIndex(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(h);
}
