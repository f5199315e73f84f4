/**
 * The contribution API's request and response shapes, as zod schemas. They validate requests
 * AND generate the OpenAPI document (openapi.ts), so the documentation cannot drift from
 * what the server accepts.
 */
import {
  CHANNELS,
  EMOTION_MAX,
  EMOTION_MIN,
  EVIDENCE_KINDS,
  INBOX_STATUSES,
  INBOX_VIA,
} from "@journeymap/schema";
import { z } from "zod";

/** Longest contribution text. A quote or a ticket excerpt, not a whole transcript. */
export const MAX_SUBMISSION_TEXT = 10_000;
/** One message for every way a score can miss the scale (fraction, too low, too high). */
const SCALE = `must be a whole number from ${EMOTION_MIN} to ${EMOTION_MAX}`;
const ID = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id (letters, digits, _ and -)");

export const SubmissionBody = z
  .object({
    text: z.string().trim().min(1, "must not be empty").max(MAX_SUBMISSION_TEXT).meta({
      description: "The customer quote or observation.",
    }),
    kind: z
      .enum(EVIDENCE_KINDS)
      .default("other")
      .meta({ description: "What kind of evidence this is." }),
    source: z.string().trim().max(200).optional().meta({
      description: "Source reference, e.g. a ticket number or call id.",
    }),
    url: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(2000)
      .optional()
      .meta({ description: "Link to the source." }),
    touchpointId: ID.nullable().optional().meta({
      description: "The touchpoint it concerns (from GET /api/maps/{mapId}/outline).",
    }),
    sentiment: z
      .number({ error: "must be a number" })
      .int(SCALE)
      .min(EMOTION_MIN, SCALE)
      .max(EMOTION_MAX, SCALE)
      .nullable()
      .optional()
      .meta({
        description: `The customer's sentiment on the map's scale (${EMOTION_MIN} … ${EMOTION_MAX}).`,
      }),
    contributor: z.string().trim().min(1, "must not be empty").max(100).meta({
      description: "Who contributes it (a person's name or the integration's).",
    }),
    team: z.string().trim().max(100).optional().meta({ description: "The contributor's team." }),
  })
  .strict();
export type SubmissionBody = z.infer<typeof SubmissionBody>;

export const InboxItemView = z.object({
  id: z.string(),
  status: z.enum(INBOX_STATUSES),
  kind: z.enum(EVIDENCE_KINDS),
  text: z.string(),
  source: z.string(),
  url: z.string(),
  touchpointId: z.string().nullable(),
  sentiment: z.number().int().nullable(),
  contributor: z.string(),
  team: z.string(),
  via: z.enum(INBOX_VIA),
  submittedAt: z
    .number()
    .int()
    .meta({ description: "Milliseconds since the epoch (server time)." }),
});

export const SubmitResult = z.object({
  item: InboxItemView,
  created: z.boolean().meta({
    description: "False when the Idempotency-Key was used before: the first item is returned.",
  }),
});

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

export const ImportRow = z.object({
  row: z.number().int().meta({ description: "Line in the file; the header is row 1." }),
  ok: z.boolean(),
  errors: z.array(z.string()),
  item: InboxItemView.optional(),
  created: z.boolean().optional(),
});

export const ImportResult = z.object({
  dryRun: z.boolean(),
  imported: z.number().int().meta({ description: "Items added (0 in a preview or on errors)." }),
  ignoredColumns: z.array(z.string()),
  rows: z.array(ImportRow),
});

export const ErrorBody = z.object({ error: z.string() });

export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}
