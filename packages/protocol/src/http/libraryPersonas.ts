/**
 * The workspace persona library (issue 19), the HTTP side: a workspace's personas (list,
 * create, edit, archive), one persona's page (the maps it appears in and its emotion curve in
 * each), and using a library persona in a map. ROUTES spreads LIBRARY_PERSONA_ROUTES in.
 *
 * Admins and members of the workspace read and edit its library; guests get 403 (they see a
 * linked persona on the maps shared with them, not the library). Editing a library persona
 * writes the change into every map of the workspace with a persona linked to it, live.
 * Detaching is not a route: it is the board's own edit of the map (schema `linkPersona`).
 */
import {
  DEMOGRAPHIC_FIELDS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  PSYCHOGRAPHIC_FIELDS,
} from "@journeymap/schema";
import * as z from "zod/mini";
import { SIGNED_IN } from "./access.ts";
import { described } from "./described.ts";
import { BAD_INPUT, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

/** A workspace keeps at most this many personas (archived ones count): a library, not a log. */
export const MAX_LIBRARY_PERSONAS = 1_000;
/**
 * One library edit writes into at most this many maps, one after another (each a live
 * document to open and log); the answer says how many were left out.
 */
export const MAX_PROPAGATED_MAPS = 500;

const shortText = z.string().check(z.maxLength(MAX_SHORT_TEXT));
const longText = z.string().check(z.maxLength(MAX_LONG_TEXT));
const colour = described(
  z.string().check(z.regex(/^(#[0-9a-fA-F]{6})?$/)),
  "`#rrggbb`, or empty for the map's palette.",
);
const textRecord = <K extends string>(keys: readonly K[], text: z.ZodMiniString) =>
  z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, z.ZodMiniString>);
const partialTextRecord = <K extends string>(keys: readonly K[], text: z.ZodMiniString) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, z.optional(text)])) as Record<
      K,
      z.ZodMiniOptional<z.ZodMiniString>
    >,
  );

/** What a library persona holds, as a map's persona does (the map's bounds). */
const editable = {
  name: z.optional(shortText.check(z.minLength(1))),
  role: z.optional(shortText),
  quote: z.optional(longText),
  colour: z.optional(colour),
  demographics: z.optional(partialTextRecord(DEMOGRAPHIC_FIELDS, shortText)),
  psychographics: z.optional(
    described(
      partialTextRecord(PSYCHOGRAPHIC_FIELDS, longText),
      "Multi-line plain text, one item per line.",
    ),
  ),
};

export const CreateLibraryPersonaBody = z.strictObject({
  ...editable,
  name: shortText.check(z.minLength(1)),
});
export type CreateLibraryPersonaBody = z.output<typeof CreateLibraryPersonaBody>;

export const UpdateLibraryPersonaBody = described(
  z.strictObject(editable),
  "Only the fields sent change; every map using the persona (linked) follows.",
);
export type UpdateLibraryPersonaBody = z.output<typeof UpdateLibraryPersonaBody>;

export const ArchiveLibraryPersonaBody = z.strictObject({ archived: z.boolean() });
export type ArchiveLibraryPersonaBody = z.output<typeof ArchiveLibraryPersonaBody>;

export const UseLibraryPersonaBody = z.strictObject({
  libraryPersonaId: described(
    z.string().check(z.minLength(1), z.maxLength(64)),
    "A persona of the map's workspace library.",
  ),
});
export type UseLibraryPersonaBody = z.output<typeof UseLibraryPersonaBody>;

export const LibraryPersona = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  role: z.string(),
  quote: z.string(),
  colour: z.string(),
  demographics: textRecord(DEMOGRAPHIC_FIELDS, z.string()),
  psychographics: textRecord(PSYCHOGRAPHIC_FIELDS, z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  updatedBy: described(z.string(), "Who last changed it, by name."),
  archivedAt: z.nullable(z.number()),
  mapCount: described(z.int(), "Maps you can open that use it (linked)."),
});
export type LibraryPersona = Payload<typeof LibraryPersona>;

export const LibraryPersonaList = z.object({
  workspaceId: described(z.string(), "The workspace whose library it is."),
  personas: z.array(LibraryPersona),
});
export type LibraryPersonaList = Payload<typeof LibraryPersonaList>;

/** The persona in one map: that map's copy (linked) and its emotion curve there. */
export const LibraryPersonaUse = z.object({
  mapId: z.string(),
  title: z.string(),
  personaId: described(z.string(), "The linked persona's id in that map."),
  steps: described(
    z.array(z.object({ id: z.string(), name: z.string() })),
    "The map's steps in board order, the curve's x axis.",
  ),
  curve: described(
    z.array(z.object({ stepId: z.string(), score: z.number() })),
    "Scores in step order; steps without one are left out.",
  ),
  lowest: z.nullable(z.number()),
  average: z.nullable(z.number()),
});
export type LibraryPersonaUse = Payload<typeof LibraryPersonaUse>;

export const LibraryPersonaPage = z.object({
  persona: LibraryPersona,
  maps: described(
    z.array(LibraryPersonaUse),
    "The maps you can open that use it, as of their last summary (a second or so behind).",
  ),
});
export type LibraryPersonaPage = Payload<typeof LibraryPersonaPage>;

export const UpdatedLibraryPersona = z.object({
  persona: LibraryPersona,
  maps: described(z.int(), "Maps the change was written into."),
  leftOut: described(
    z.int(),
    `Linked maps not written: over ${MAX_PROPAGATED_MAPS}, or past the edit's time budget (20 s).`,
  ),
});
export type UpdatedLibraryPersona = Payload<typeof UpdatedLibraryPersona>;

export const UsedLibraryPersona = z.object({
  personaId: described(z.string(), "The new (linked) persona's id in the map."),
});
export type UsedLibraryPersona = Payload<typeof UsedLibraryPersona>;

const BUSY = { 429: refusal("Too many changes in a short time; see Retry-After.") };
const REFUSED = {
  ...SIGNED_OUT,
  403: refusal("Guests of the workspace may not use its persona library."),
  404: refusal("No such workspace (of yours), or no such persona in it."),
};
const PERSONAS_PATH = "/api/workspaces/{workspaceId}/library-personas";
const PERSONA_PATH = `${PERSONAS_PATH}/{personaId}`;

export const LIBRARY_PERSONA_ROUTES = {
  listLibraryPersonas: {
    method: "GET",
    path: PERSONAS_PATH,
    summary: "The workspace's persona library",
    description: `Archived personas included (see archivedAt). At most ${MAX_LIBRARY_PERSONAS}.`,
    access: SIGNED_IN,
    responses: { 200: { description: "Personas by name.", schema: LibraryPersonaList } },
    errors: { ...REFUSED, ...BUSY },
  },
  createLibraryPersona: {
    method: "POST",
    path: PERSONAS_PATH,
    summary: "Add a persona to the workspace's library",
    access: SIGNED_IN,
    body: { schema: CreateLibraryPersonaBody },
    responses: { 201: { description: "The persona.", schema: LibraryPersona } },
    errors: {
      ...REFUSED,
      ...BUSY,
      ...BAD_INPUT,
      ...TOO_LARGE,
      409: refusal(`The library is full (${MAX_LIBRARY_PERSONAS} personas).`),
    },
  },
  getLibraryPersona: {
    method: "GET",
    path: PERSONA_PATH,
    summary: "A library persona, the maps it appears in and its emotion curve in each",
    access: SIGNED_IN,
    responses: { 200: { description: "The persona's page.", schema: LibraryPersonaPage } },
    errors: { ...REFUSED, ...BUSY },
  },
  updateLibraryPersona: {
    method: "PATCH",
    path: PERSONA_PATH,
    summary: "Edit a library persona: every map using it (linked) follows, live",
    description: `Written into the linked maps one after another (most recently edited first), at most ${MAX_PROPAGATED_MAPS} per edit and for at most 20 s, as the editing person's change.`,
    access: SIGNED_IN,
    body: { schema: UpdateLibraryPersonaBody },
    responses: { 200: { description: "The persona now.", schema: UpdatedLibraryPersona } },
    errors: { ...REFUSED, ...BUSY, ...BAD_INPUT, ...TOO_LARGE },
  },
  archiveLibraryPersona: {
    method: "POST",
    path: `${PERSONA_PATH}/archive`,
    summary: "Archive a library persona (or bring it back)",
    description: "Maps keep their linked copies; an archived persona is hidden from the list.",
    access: SIGNED_IN,
    body: { schema: ArchiveLibraryPersonaBody },
    responses: { 200: { description: "The persona.", schema: LibraryPersona } },
    errors: { ...REFUSED, ...BUSY, ...BAD_INPUT, ...TOO_LARGE },
  },
  listMapLibraryPersonas: {
    method: "GET",
    path: "/api/maps/{mapId}/library-personas",
    summary: "The persona library of the map's workspace, for its board",
    description: "For people with a role on the map who are admins or members of its workspace.",
    access: SIGNED_IN,
    responses: { 200: { description: "Personas by name.", schema: LibraryPersonaList } },
    errors: { ...REFUSED, ...BUSY, 404: refusal("No such map (or it is not shared with you).") },
  },
  useLibraryPersona: {
    method: "POST",
    path: "/api/maps/{mapId}/library-personas",
    summary: "Add a library persona to the map, linked: it follows the library's edits",
    description: "For editors of the map who are admins or members of its workspace.",
    access: SIGNED_IN,
    body: { schema: UseLibraryPersonaBody },
    responses: { 201: { description: "The persona in the map.", schema: UsedLibraryPersona } },
    errors: {
      ...SIGNED_OUT,
      ...BUSY,
      ...BAD_INPUT,
      ...TOO_LARGE,
      403: refusal("Your role on the map (or in its workspace) does not allow it."),
      404: refusal("No such map, or no such persona in its workspace's library."),
      410: refusal("The map is in the trash."),
    },
  },
} as const satisfies Readonly<Record<string, Route>>;
