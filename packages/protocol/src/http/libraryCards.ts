/**
 * Pain points and opportunities across maps (issue 19): the roll-up of every card of the maps a
 * signed-in person may open in a workspace (filtered, sorted, exported as CSV or JSON), and
 * library opportunities — workspace-level opportunities placed on a value/effort matrix and
 * linked to opportunity cards in several maps. ROUTES spreads LIBRARY_CARD_ROUTES in.
 *
 * The matrix is live by polling with an ETag (`listLibraryOpportunities` answers 304 while
 * nothing changed): see "Pain points and opportunities across maps" in docs/ARCHITECTURE.md.
 */
import { CARD_KINDS, CARD_STATUSES } from "@journeymap/schema";
import * as z from "zod/mini";
import { SIGNED_IN } from "./access.ts";
import { described } from "./described.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

/** More rows than this are not answered (the answer says `truncated`); filters narrow it. */
export const MAX_LIBRARY_CARD_ROWS = 5_000;
export const LIBRARY_CARD_SORTS = ["rating", "evidence", "map", "title"] as const;
export type LibraryCardSort = (typeof LIBRARY_CARD_SORTS)[number];
/** A library opportunity's title, as long as a card's. */
export const MAX_OPPORTUNITY_TITLE = 200;
/** The matrix's axes run from 0 to this. */
export const MATRIX_MAX = 100;

export const LibraryCardRow = z.object({
  mapId: z.string(),
  mapTitle: z.string(),
  cardId: z.string(),
  kind: z.enum(CARD_KINDS),
  title: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  phaseId: z.string(),
  phaseName: z.string(),
  channels: described(z.array(z.string()), "The step's channels (ids and custom names)."),
  personas: described(z.array(z.string()), "The names of the map's personas."),
  rating: described(z.int(), "Severity of a pain point, impact of an opportunity: 1 to 5."),
  status: z.enum(CARD_STATUSES),
  owner: z.string(),
  evidenceCount: z.int(),
  libraryOpportunityId: described(
    z.nullable(z.string()),
    "The library opportunity the card stands for, if any.",
  ),
});
export type LibraryCardRow = Payload<typeof LibraryCardRow>;

const Counts = z.object({ total: z.int(), byStatus: z.record(z.string(), z.int()) });

export const LibraryCardList = z.object({
  cards: described(z.array(LibraryCardRow), "The matching cards, sorted."),
  total: described(z.int(), "How many cards match (all of them, even when truncated)."),
  truncated: described(
    z.boolean(),
    `True when more than ${MAX_LIBRARY_CARD_ROWS} cards match and only the first are answered.`,
  ),
  counts: described(
    z.object({ painPoint: Counts, opportunity: Counts }),
    "The matching cards by kind, and each kind by status.",
  ),
  maps: described(z.int(), "How many of my maps were rolled up."),
  facets: described(
    z.object({
      personas: z.array(z.string()),
      phases: z.array(z.string()),
      channels: z.array(z.string()),
      owners: z.array(z.string()),
    }),
    "The values the filters can take in my maps, sorted (for the filter menus).",
  ),
});
export type LibraryCardList = Payload<typeof LibraryCardList>;

const text = (description: string) => ({
  schema: z.string().check(z.maxLength(200)),
  description,
});

/** The roll-up's filters and sort, shared by its JSON and CSV routes. */
const CARD_QUERY = {
  kind: { schema: z.enum(CARD_KINDS), description: "Only pain points or only opportunities." },
  persona: text(
    "Only maps where this persona appears: a persona's name (any case) or a library persona id.",
  ),
  phase: text("Only cards in a phase of this name (any case)."),
  channel: text("Only cards of steps with this channel (an id or a custom name, any case)."),
  minRating: {
    schema: z.int().check(z.minimum(1), z.maximum(5)),
    description: "Only cards rated at least this (severity or impact, 1–5).",
  },
  status: { schema: z.enum(CARD_STATUSES), description: "Only cards of this status." },
  owner: text("Only cards owned by this person or team (any case)."),
  minEvidence: {
    schema: z.int().check(z.minimum(0)),
    description: "Only cards with at least this much evidence attached.",
  },
  sort: {
    schema: z.enum(LIBRARY_CARD_SORTS),
    description:
      "rating (highest first, the default), evidence (most first), map (by title), title (A–Z).",
  },
} as const;

export const LibraryOpportunityLinkInfo = z.object({
  mapId: z.string(),
  mapTitle: z.string(),
  cardId: z.string(),
  stepId: z.string(),
  stepName: z.string(),
});
export type LibraryOpportunityLinkInfo = Payload<typeof LibraryOpportunityLinkInfo>;

const placement = (axis: string) =>
  described(
    z.nullable(z.int().check(z.minimum(0), z.maximum(MATRIX_MAX))),
    `${axis}, 0–${MATRIX_MAX}; null while not placed on the matrix.`,
  );

export const LibraryOpportunity = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  value: placement("Value"),
  effort: placement("Effort"),
  status: z.enum(CARD_STATUSES),
  updatedAt: z.number(),
  updatedBy: described(z.string(), "Who moved or edited it last, by name."),
  links: described(
    z.array(LibraryOpportunityLinkInfo),
    "The cards standing for it in maps I can open (as the maps' summaries have them).",
  ),
});
export type LibraryOpportunity = Payload<typeof LibraryOpportunity>;

export const LibraryOpportunityList = z.object({
  opportunities: described(z.array(LibraryOpportunity), "Oldest first."),
  mayEdit: described(z.boolean(), "Whether I may create, place and rename them."),
  version: described(
    z.string(),
    "Changes whenever the answer does: send it back in If-None-Match to get a 304 while nothing changed.",
  ),
});
export type LibraryOpportunityList = Payload<typeof LibraryOpportunityList>;

const title = z.string().check(z.minLength(1), z.maxLength(MAX_OPPORTUNITY_TITLE));

export const CreateLibraryOpportunityBody = z.strictObject({
  title: described(z.optional(title), "The title; from a card, the card's title by default."),
  from: described(
    z.optional(z.strictObject({ mapId: z.string(), cardId: z.string() })),
    "An opportunity card of one of my maps: it becomes the opportunity's first linked card.",
  ),
});
export type CreateLibraryOpportunityBody = z.output<typeof CreateLibraryOpportunityBody>;

export const UpdateLibraryOpportunityBody = z.strictObject({
  title: described(z.optional(title), "A new title: every linked card takes it."),
  value: z.optional(placement("Value")),
  effort: z.optional(placement("Effort")),
  status: z.optional(z.enum(CARD_STATUSES)),
});
export type UpdateLibraryOpportunityBody = z.output<typeof UpdateLibraryOpportunityBody>;

export const LinkLibraryOpportunityBody = z.strictObject({
  mapId: z.string().check(z.maxLength(64)),
  stepId: described(
    z.optional(z.string().check(z.maxLength(64))),
    "A step of the map: a new opportunity card is added there, linked.",
  ),
  cardId: described(
    z.optional(z.string().check(z.maxLength(64))),
    "An existing opportunity card of the map, to link instead.",
  ),
});
export type LinkLibraryOpportunityBody = z.output<typeof LinkLibraryOpportunityBody>;

export const LinkedCard = z.object({ mapId: z.string(), cardId: z.string() });
export type LinkedCard = Payload<typeof LinkedCard>;

export const UpdatedLibraryOpportunity = z.object({
  opportunity: LibraryOpportunity,
  skippedMaps: described(
    z.int(),
    "Linked maps a new title was not written into: maps I may not edit.",
  ),
});
export type UpdatedLibraryOpportunity = Payload<typeof UpdatedLibraryOpportunity>;

const WORKSPACE = "/api/workspaces/{workspaceId}/library";
const OPPORTUNITY = `${WORKSPACE}/opportunities/{opportunityId}`;
const REFUSED = {
  ...SIGNED_OUT,
  ...RATE_LIMITED,
  403: refusal("Guests may look but not change library opportunities, nor edit that map."),
  404: refusal("No such workspace, opportunity, map, step or card (or not one I can open)."),
};

export const LIBRARY_CARD_ROUTES = {
  listLibraryCards: {
    method: "GET",
    path: `${WORKSPACE}/cards`,
    summary: "The pain points and opportunities of every map I can open in a workspace",
    description: `Read from the maps' summaries (current within about a second of an edit). Maps I cannot open, and maps in the trash, never appear, not even in counts. At most ${MAX_LIBRARY_CARD_ROWS} rows.`,
    access: SIGNED_IN,
    query: CARD_QUERY,
    responses: { 200: { description: "The cards, with counts.", schema: LibraryCardList } },
    errors: { ...SIGNED_OUT, ...RATE_LIMITED, 400: refusal("A filter is malformed.") },
  },
  exportLibraryCards: {
    method: "GET",
    path: `${WORKSPACE}/cards.csv`,
    summary: "The same roll-up as a CSV file",
    description:
      "One header row, then a row per card. Cells starting with =, +, - or @ are prefixed with ' so spreadsheets do not run them as formulas.",
    access: SIGNED_IN,
    query: CARD_QUERY,
    responses: { 200: { description: "The CSV file.", contentType: "text/csv" } },
    errors: { ...SIGNED_OUT, ...RATE_LIMITED, 400: refusal("A filter is malformed.") },
  },
  listLibraryOpportunities: {
    method: "GET",
    path: `${WORKSPACE}/opportunities`,
    summary: "The workspace's library opportunities, with their places on the matrix",
    description:
      "Polled about once a second by the matrix: with If-None-Match set to the last answer's version, it answers 304 while nothing changed.",
    access: SIGNED_IN,
    headers: {
      "if-none-match": {
        schema: z.string().check(z.maxLength(100)),
        description: "The version of the answer I have.",
      },
    },
    responses: {
      200: {
        description: "The opportunities.",
        schema: LibraryOpportunityList,
        headers: { ETag: "The answer's version." },
      },
      304: { description: "Nothing changed since the version sent." },
    },
    errors: { ...SIGNED_OUT, ...RATE_LIMITED },
  },
  listMapLibraryOpportunities: {
    method: "GET",
    path: "/api/maps/{mapId}/library-opportunities",
    summary: "The library opportunities of a map's workspace, for the board's markers",
    description:
      "As listLibraryOpportunities for the map's workspace, for a signed-in person who may open the map: a board marks its linked cards with the number of maps each opportunity is in.",
    access: SIGNED_IN,
    responses: { 200: { description: "The opportunities.", schema: LibraryOpportunityList } },
    errors: {
      ...SIGNED_OUT,
      ...RATE_LIMITED,
      404: refusal("No such map (or not one I can open), or it is in no workspace."),
      410: refusal("The map is in the trash."),
    },
  },
  createLibraryOpportunity: {
    method: "POST",
    path: `${WORKSPACE}/opportunities`,
    summary: "Add an opportunity to the library (from a map's opportunity card, or new)",
    description:
      "From a card, the card is linked: it carries the opportunity's id in the live map, written as me.",
    access: SIGNED_IN,
    body: { schema: CreateLibraryOpportunityBody },
    responses: { 201: { description: "The opportunity.", schema: LibraryOpportunity } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...REFUSED },
  },
  updateLibraryOpportunity: {
    method: "PATCH",
    path: OPPORTUNITY,
    summary: "Place an opportunity on the matrix, rename it or set its status",
    description:
      "The last write wins. A new title is written into every linked card of the maps I may edit, live.",
    access: SIGNED_IN,
    body: { schema: UpdateLibraryOpportunityBody },
    responses: { 200: { description: "The opportunity.", schema: UpdatedLibraryOpportunity } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...REFUSED },
  },
  linkLibraryOpportunity: {
    method: "POST",
    path: `${OPPORTUNITY}/links`,
    summary: "Link the opportunity to a step (a new card) or an opportunity card of a map",
    description: "The card is written into the live map as me, so it syncs and can be undone.",
    access: SIGNED_IN,
    body: { schema: LinkLibraryOpportunityBody },
    responses: { 201: { description: "The linked card.", schema: LinkedCard } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...REFUSED },
  },
  unlinkLibraryOpportunity: {
    method: "DELETE",
    path: `${OPPORTUNITY}/links/{mapId}/{cardId}`,
    summary: "Unlink a card from the opportunity (the card stays in its map)",
    access: SIGNED_IN,
    responses: { 204: { description: "Unlinked." } },
    errors: REFUSED,
  },
} as const satisfies Readonly<Record<string, Route>>;
