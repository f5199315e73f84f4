/**
 * The freshness API (issue 18): when each thing of a map was last changed and by whom (from
 * the log, across retention), and a map's freshness in numbers for the map list. Verifying,
 * owners and the review period are map content (schema/freshness), not routes.
 */
import * as z from "zod/mini";
import { READERS } from "./access.ts";
import { described } from "./described.ts";
import { refusal } from "./refusals.ts";
import type { Payload } from "./route.ts";

export const LastChange = z.object({
  /** Server receipt time (ms). */
  at: z.number(),
  by: described(z.string(), "The name to show."),
});
export type LastChange = Payload<typeof LastChange>;

export const LastChangeTable = z.object({
  seq: described(z.int(), "The last logged row the table includes."),
  changes: described(
    z.record(z.string(), LastChange),
    "By element key: `touchpoint:<id>`, `card:<id>`, `cell:<root>`, `phase:<id>`…",
  ),
});
export type LastChangeTable = Payload<typeof LastChangeTable>;

export const MapFreshnessSummary = z.object({
  reviewAfterDays: z.int(),
  items: described(z.int(), "Steps, cards and filled cells."),
  stale: described(z.int(), "Of those, how many need review."),
  oldestDays: described(z.int(), "Days since the least recently reviewed item was reviewed."),
});
export type MapFreshnessSummary = Payload<typeof MapFreshnessSummary>;

const TOKEN = {
  401: refusal("Missing, invalid, expired or revoked token."),
  403: refusal("The token may not do this."),
};

export const FRESHNESS_ROUTES = {
  getLastChanges: {
    method: "GET",
    path: "/api/maps/{mapId}/freshness",
    summary: "When each thing on the map was last changed, and by whom (from the log)",
    access: READERS,
    responses: { 200: { description: "Last changes by element.", schema: LastChangeTable } },
    errors: { ...TOKEN },
  },
  getMapFreshness: {
    method: "GET",
    path: "/api/maps/{mapId}/freshness/summary",
    summary: "How much of the map needs review",
    access: READERS,
    responses: { 200: { description: "The map's freshness.", schema: MapFreshnessSummary } },
    errors: { ...TOKEN },
  },
} as const;
