/**
 * A hierarchy of journeys and the workspace dashboard (issue 19), the HTTP side. A step may
 * stand for a whole map (its sub-journey, a `subMapId` on the step in the document); a map's
 * sub-journeys are answered with each sub-map's summary, or as "not available" when the
 * caller may not open that map (never its title then). An end-to-end map is made from chosen
 * maps, one step each. The dashboard rolls up the maps of a workspace the person may open.
 * ROUTES spreads LIBRARY_HIERARCHY_ROUTES in. Everything here reads the library's summaries,
 * never documents.
 */
import * as z from "zod/mini";
import { READERS, SIGNED_IN } from "./access.ts";
import { described } from "./described.ts";
import { MapFreshnessSummary } from "./freshness.ts";
import { CreatedMap, LastEditor, MAX_MAP_TITLE } from "./maps.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

/** At most this many maps become the steps of one end-to-end map. */
export const MAX_END_TO_END_MAPS = 50;
/** At most this many sub-journeys of one map are answered (the first in board order). */
export const MAX_SUB_JOURNEYS = 100;
/** The pain points of a sub-journey shown on its step: the most severe open ones. */
export const TOP_PAIN_POINTS = 3;

const MAP_ID = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "must be a map id"));

export const PainPointBrief = z.object({
  id: z.string(),
  title: z.string(),
  rating: described(z.int(), "Severity, 1 (low) to 5 (high)."),
});
export type PainPointBrief = Payload<typeof PainPointBrief>;

export const PersonaLow = z.object({
  name: z.string(),
  colour: z.string(),
  lowest: described(z.nullable(z.number()), "The persona's lowest emotion; null: no scores."),
});

/** What a step shows of its sub-journey when the caller may open the sub-map. */
export const SubJourneySummary = z.object({
  title: z.string(),
  steps: z.int(),
  lowest: described(
    z.nullable(z.number()),
    "The lowest emotion of any persona of the sub-journey; null: no scores yet.",
  ),
  personas: described(z.array(PersonaLow), "Each persona's lowest emotion."),
  openPainPoints: described(z.int(), "Pain points not done or dismissed."),
  topPainPoints: described(z.array(PainPointBrief), "The most severe open pain points."),
  evidenceCount: z.int(),
  freshness: described(
    z.nullable(MapFreshnessSummary),
    "How much of the sub-journey needs review; null when it could not be worked out in time.",
  ),
});
export type SubJourneySummary = Payload<typeof SubJourneySummary>;

export const SubJourney = z.object({
  stepId: z.string(),
  subMapId: z.string(),
  available: described(
    z.boolean(),
    "false: the caller may not open the sub-map (or it is gone, or not indexed yet); no summary then.",
  ),
  summary: z.nullable(SubJourneySummary),
});
export type SubJourney = Payload<typeof SubJourney>;

export const SubJourneyList = z.object({
  title: described(z.string(), "The map's own title (a sub-journey's breadcrumb names it)."),
  subJourneys: described(z.array(SubJourney), "One per step with a sub-journey, in board order."),
});
export type SubJourneyList = Payload<typeof SubJourneyList>;

export const CreateEndToEndBody = z.strictObject({
  title: described(
    z.string().check(z.minLength(1), z.maxLength(MAX_MAP_TITLE)),
    "The new map's title.",
  ),
  mapIds: described(
    z
      .array(MAP_ID)
      .check(z.minLength(1), z.maxLength(MAX_END_TO_END_MAPS), z.refine(unique, "repeats a map")),
    "The maps to chain, in order: each becomes one step whose sub-journey it is.",
  ),
});
export type CreateEndToEndBody = z.output<typeof CreateEndToEndBody>;

function unique(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

export const DashboardMap = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: z.number(),
  updatedBy: z.nullable(LastEditor),
  evidenceCount: described(z.nullable(z.int()), "null: the map is not indexed yet."),
  openPainPoints: z.nullable(z.int()),
  openOpportunities: z.nullable(z.int()),
  freshness: described(
    z.nullable(MapFreshnessSummary),
    "null: not worked out for this answer (only the least recently edited maps are, within a bound).",
  ),
});
export type DashboardMap = Payload<typeof DashboardMap>;

export const DashboardOpportunity = z.object({
  mapId: z.string(),
  mapTitle: z.string(),
  cardId: z.string(),
  stepName: z.string(),
  title: z.string(),
  rating: described(z.int(), "Impact, 1 (low) to 5 (high): the priority."),
  status: z.string(),
  owner: z.string(),
  evidenceCount: z.int(),
});
export type DashboardOpportunity = Payload<typeof DashboardOpportunity>;

export const DashboardActivity = z.object({
  mapId: z.string(),
  title: z.string(),
  at: z.number(),
  by: z.nullable(LastEditor),
});
export type DashboardActivity = Payload<typeof DashboardActivity>;

export const LibraryDashboard = z.object({
  totals: z.object({
    maps: z.int(),
    evidence: z.int(),
    openOpportunities: z.int(),
    openPainPoints: z.int(),
    staleItems: described(z.int(), "Of the maps whose freshness was worked out."),
  }),
  maps: described(z.array(DashboardMap), "Stalest first; maps without freshness last."),
  opportunities: described(
    z.array(DashboardOpportunity),
    "Open opportunities, highest impact first (then most evidence); at most 50.",
  ),
  opportunitiesByRating: described(
    z.record(z.string(), z.int()),
    'How many open opportunities have each rating ("1" to "5").',
  ),
  activity: described(z.array(DashboardActivity), "The latest edits, newest first; at most 20."),
});
export type LibraryDashboard = Payload<typeof LibraryDashboard>;

const REFUSED = {
  401: refusal("Missing, invalid, expired or revoked token, and not signed in."),
  403: refusal("Your role may not do this; the message says."),
};

export const LIBRARY_HIERARCHY_ROUTES = {
  listSubJourneys: {
    method: "GET",
    path: "/api/maps/{mapId}/library/sub-journeys",
    summary: "The sub-journeys of the map's steps, each with its map's summary",
    description: `A sub-map the caller may not open is answered as not available, without its title. At most ${MAX_SUB_JOURNEYS}.`,
    access: READERS,
    responses: { 200: { description: "Sub-journeys.", schema: SubJourneyList } },
    errors: { ...RATE_LIMITED, ...REFUSED, 410: refusal("The map is in the trash.") },
  },
  createEndToEndMap: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/library/end-to-end",
    summary: "Make a map whose steps are whole maps (an end-to-end journey)",
    description:
      "For admins and members of the workspace; every chosen map must be one of the workspace's maps they may open. One phase, one step per map, named after it, linked to it as its sub-journey.",
    access: SIGNED_IN,
    body: { schema: CreateEndToEndBody },
    responses: { 201: { description: "Created.", schema: CreatedMap } },
    errors: {
      ...BAD_INPUT,
      ...TOO_LARGE,
      ...SIGNED_OUT,
      403: refusal("Not an admin or member of the workspace."),
      429: refusal("Too many maps created from this address or changes by this person."),
      507: refusal("The server's storage is full; no new maps for now."),
    },
  },
  getLibraryDashboard: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/library/dashboard",
    summary: "The workspace at a glance: maps by freshness, evidence, open opportunities, activity",
    description: "Only the maps of the workspace the person may open count, in every figure.",
    access: SIGNED_IN,
    responses: { 200: { description: "The dashboard.", schema: LibraryDashboard } },
    errors: { ...SIGNED_OUT, ...RATE_LIMITED, 400: refusal("The workspace id is malformed.") },
  },
} as const satisfies Readonly<Record<string, Route>>;
