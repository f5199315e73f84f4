/**
 * Metric lanes over HTTP (issue 18): push values by API, import them from CSV with a preview.
 * Both write through the live document, so the board shows them at once. Pushing sets state
 * (a value, a target, the point of a date), so a retry changes nothing; the Idempotency-Key
 * also replays the first answer. Metrics are evidence an integration brings, so the API token
 * action is evidence:write (DESIGN: "Evidence — quotes, tickets, call notes, metrics").
 */
import { METRIC_PRESET_IDS, METRIC_UNITS } from "@journeymap/schema";
import * as z from "zod/mini";
import { API_ACTION, EDITING_ROLES } from "../roles.ts";
import type { Access } from "./access.ts";
import { described } from "./described.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";
import { IDEMPOTENCY_KEY_HEADER } from "./talk.ts";

export const METRIC_ACCESS = {
  write: { roles: EDITING_ROLES, actions: [API_ACTION.evidenceWrite] },
} as const satisfies Readonly<Record<string, Access>>;

/** Entries per push or rows per CSV file; a year of daily values for a few steps. */
export const MAX_METRIC_ROWS = 1000;
export const MAX_METRIC_IMPORT_BYTES = 512 * 1024;
export const MAX_METRIC_PUSH_BYTES = 256 * 1024;

const NAME = z.string().check(z.maxLength(200));
const NUMBER = z.nullable(z.number());

export const MetricEntry = z.strictObject({
  stepId: described(z.optional(NAME), "The step's id…"),
  step: described(z.optional(NAME), "…or its name (ids win; a name must be unique)."),
  lane: described(
    z.optional(NAME),
    "The metric lane's id or name; optional when the map has one metric lane.",
  ),
  value: described(
    z.optional(NUMBER),
    "The value in the lane's unit (percent 0–100, seconds, score, count); null clears it.",
  ),
  target: described(z.optional(NUMBER), "The step's target; null clears it."),
  date: described(
    z.optional(z.string().check(z.maxLength(40))),
    "2026-12-07 or an ISO date-time: the value is a point of the series (the newest is the current value). The same date again replaces that point.",
  ),
});
export type MetricEntry = z.output<typeof MetricEntry>;

export const MetricPushBody = z.strictObject({
  values: z.array(MetricEntry).check(z.minLength(1), z.maxLength(MAX_METRIC_ROWS)),
});
export type MetricPushBody = z.output<typeof MetricPushBody>;

export const MetricRowResult = z.object({
  row: described(z.int(), "The entry (1-based) or the CSV line (the header is row 1)."),
  ok: z.boolean(),
  error: z.optional(z.string()),
  laneId: z.optional(z.string()),
  touchpointId: z.optional(z.string()),
});

export const MetricWriteResult = z.object({
  dryRun: z.boolean(),
  written: described(z.int(), "Entries applied (0 in a preview or when any is invalid)."),
  changed: described(z.boolean(), "Whether the map changed (a retry changes nothing)."),
  ignoredColumns: z.array(z.string()),
  rows: z.array(MetricRowResult),
});
export type MetricWriteResult = Payload<typeof MetricWriteResult>;

export const METRIC_CSV_COLUMNS = {
  step: ["step", "step id", "touchpoint", "touchpoint id"],
  lane: ["lane", "metric", "lane id"],
  value: ["value"],
  target: ["target"],
  date: ["date", "at", "day"],
} as const;

const REFUSED = {
  401: refusal("Missing, invalid, expired or revoked token, and not signed in."),
  403: refusal("The token or role may not do this."),
};

const MAP_METRICS = "/api/maps/{mapId}/metrics";

export const METRIC_ROUTES = {
  pushMetrics: {
    method: "POST",
    path: MAP_METRICS,
    summary: "Record metric values and targets of steps",
    description: `Up to ${MAX_METRIC_ROWS} entries, applied together in one edit, live on the board. Any invalid entry (unknown step or lane, a value outside the unit's range, a bad date) gets 422 with every entry's error, and nothing is written. Units: ${METRIC_UNITS.join(", ")}; presets: ${METRIC_PRESET_IDS.join(", ")}. A step keeps its newest 1,000 dated values.`,
    access: METRIC_ACCESS.write,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: {
        schema: z.string().check(z.minLength(1), z.maxLength(200)),
        description:
          "A retry with the same key (and body) returns the first answer. Pushing sets values, so a retry without it changes nothing either.",
      },
    },
    body: { schema: MetricPushBody },
    responses: {
      200: { description: "Applied.", schema: MetricWriteResult },
      422: {
        description: "Some entries are invalid; nothing was written.",
        schema: MetricWriteResult,
      },
    },
    errors: {
      ...BAD_INPUT,
      ...TOO_LARGE,
      ...RATE_LIMITED,
      ...REFUSED,
      409: refusal("The Idempotency-Key was used with another body."),
    },
  },
  importMetricsCsv: {
    method: "POST",
    path: `${MAP_METRICS}/import`,
    summary: `Import up to ${MAX_METRIC_ROWS} metric values from CSV, with a preview`,
    description:
      "The header row names the columns: step (id or name), lane (id or name; optional with one metric lane), value, target, date. With ?dryRun=true nothing is written and each row's error is returned. Otherwise the file is imported whole or, when any row is invalid, not at all (422 with the per-row errors).",
    access: METRIC_ACCESS.write,
    query: { dryRun: { schema: z.boolean(), description: "Preview only." } },
    body: { contentType: "text/csv", description: "RFC 4180 CSV with a header row." },
    responses: {
      200: { description: "Imported, or the preview.", schema: MetricWriteResult },
      422: {
        description: "Some rows are invalid; nothing was imported.",
        schema: MetricWriteResult,
      },
    },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...RATE_LIMITED, ...REFUSED },
  },
} as const satisfies Readonly<Record<string, Route>>;
