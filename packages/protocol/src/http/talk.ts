/**
 * The talk API's payloads (evidence inbox and map outline, for integrations and the
 * contributor form). The server validates submissions with them, the inbox's CSV import
 * validates each row with SubmissionBody, and the OpenAPI document is generated from them.
 */
import {
  CHANNELS,
  EMOTION_MAX,
  EMOTION_MIN,
  EVIDENCE_KINDS,
  INBOX_STATUSES,
  INBOX_VIA,
} from "@journeymap/schema";
import * as z from "zod/mini";
import type { Payload } from "./route.ts";
import { described } from "./described.ts";

/** Longest contribution text. A quote or a ticket excerpt, not a whole transcript. */
export const MAX_SUBMISSION_TEXT = 10_000;
/** Most rows one CSV import of evidence may hold (split bigger files). */
export const MAX_INBOX_IMPORT_ROWS = 1000;
export { IDEMPOTENCY_KEY_HEADER, SUBMITTER_HEADER } from "../headers.ts";
/** One message for every way a score can miss the scale (fraction, too low, too high). */
const SCALE = `must be a whole number from ${EMOTION_MIN} to ${EMOTION_MAX}`;
const ID = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id (letters, digits, _ and -)"));

export const SubmissionBody = z.strictObject({
  text: described(
    z
      .string()
      .check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(MAX_SUBMISSION_TEXT)),
    "The customer quote or observation.",
  ),
  kind: described(z._default(z.enum(EVIDENCE_KINDS), "other"), "What kind of evidence this is."),
  source: described(
    z.optional(z.string().check(z.trim(), z.maxLength(200))),
    "Source reference, e.g. a ticket number or call id.",
  ),
  url: described(
    z.optional(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).check(z.maxLength(2000)),
    ),
    "Link to the source.",
  ),
  touchpointId: described(
    z.optional(z.nullable(ID)),
    "The touchpoint it concerns (from GET /api/maps/{mapId}/outline).",
  ),
  sentiment: described(
    z.optional(
      z.nullable(
        z
          .number({ error: "must be a number" })
          .check(z.int(SCALE), z.minimum(EMOTION_MIN, SCALE), z.maximum(EMOTION_MAX, SCALE)),
      ),
    ),
    `The customer's sentiment on the map's scale (${EMOTION_MIN} … ${EMOTION_MAX}).`,
  ),
  contributor: described(
    z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(100)),
    "Who contributes it (a person's name or the integration's).",
  ),
  team: described(
    z.optional(z.string().check(z.trim(), z.maxLength(100))),
    "The contributor's team.",
  ),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;
export type SubmissionInput = z.input<typeof SubmissionBody>;

export const InboxItemView = z.object({
  id: z.string(),
  status: z.enum(INBOX_STATUSES),
  kind: z.enum(EVIDENCE_KINDS),
  text: z.string(),
  source: z.string(),
  url: z.string(),
  touchpointId: z.nullable(z.string()),
  sentiment: z.nullable(z.int()),
  contributor: z.string(),
  team: z.string(),
  via: z.enum(INBOX_VIA),
  submittedAt: described(z.int(), "Milliseconds since the epoch (server time)."),
});
export type InboxItemView = Payload<typeof InboxItemView>;
export const InboxItemList = z.array(InboxItemView);

export const SubmitResult = z.object({
  item: InboxItemView,
  created: described(
    z.boolean(),
    "False when the Idempotency-Key was used before: the first item is returned.",
  ),
});
export type SubmitResult = Payload<typeof SubmitResult>;

export const Outline = z.object({
  mapId: z.string(),
  title: z.string(),
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      touchpoints: z.array(
        z.object({ id: z.string(), name: z.string(), channel: z.enum(CHANNELS) }),
      ),
    }),
  ),
});
export type Outline = Payload<typeof Outline>;

export const InboxImportRow = z.object({
  row: described(z.int(), "Line in the file; the header is row 1."),
  ok: z.boolean(),
  errors: z.array(z.string()),
  item: z.optional(InboxItemView),
  created: z.optional(z.boolean()),
  skipped: described(
    z.optional(z.string()),
    'Why the row is (or would be) not imported: "it has errors", "already imported (key …)", "the same key as row 2".',
  ),
});
export type InboxImportRow = Payload<typeof InboxImportRow>;

export const InboxImportResult = z.object({
  dryRun: z.boolean(),
  imported: described(z.int(), "Items added (0 in a preview, or on errors without skipInvalid)."),
  ignoredColumns: z.array(z.string()),
  rows: z.array(InboxImportRow),
});
export type InboxImportResult = Payload<typeof InboxImportResult>;
