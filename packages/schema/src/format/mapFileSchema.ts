/**
 * The open Journeymap file format, version 1: an envelope over MapSnapshot. The zod schema
 * is the single definition: files are validated with it, and the published JSON Schema
 * (docs/format/journeymap.schema.json, GET /api/format/schema.json) is generated from it.
 *
 * Limits mirror the read model's (read/coerce.ts), so whatever a file may hold imports
 * unchanged, and whatever the read model produces validates: export → import is exact.
 */
import { z } from "zod";
import { commentThreadsSchema } from "./comments.ts";
import { DEMOGRAPHIC_FIELDS, PSYCHOGRAPHIC_FIELDS } from "../records/Persona.ts";
import { EVIDENCE_TARGET_KINDS } from "../records/Evidence.ts";
import { MAX_CHANNEL_NAME, MAX_CHANNELS_PER_STEP } from "../records/channelList.ts";
import { MAX_LANE_UNIT, MAX_LINK } from "../records/laneValue.ts";
import { MAX_METRIC_POINTS } from "../metrics/MetricCell.ts";
import { METRIC_PRESET_IDS } from "../metrics/presets.ts";
import {
  CARD_KINDS,
  CARD_STATUSES,
  CHANNELS,
  EMOTION_MAX,
  EMOTION_MIN,
  EVIDENCE_KINDS,
  LANE_KINDS,
  LANE_TYPES,
  RATING_MAX,
  RATING_MIN,
} from "../vocabulary.ts";

export const FORMAT_NAME = "journeymap";
export const FORMAT_VERSION = 1;
/** Where the schema is published; files may name it in "$schema". */
export const FORMAT_SCHEMA_ID = "https://journeymap.dev/format/journeymap.schema.json";

const SHORT = 500;
const LONG = 20_000;
const URL_MAX = 2000;

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "an id is 1–64 characters of A–Z, a–z, 0–9, _ and -");
const short = z.string().max(SHORT);
const long = z.string().max(LONG);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is #rrggbb");
const score = z.number().int().min(EMOTION_MIN).max(EMOTION_MAX);

export const richTextMarkSchema = z
  .object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()) })
  .meta({ description: "A ProseMirror mark (bold, italic, link…) on a text run." });

export type RichTextNodeInput =
  | { type: "text"; text: string; marks: { type: string; attrs: Record<string, unknown> }[] }
  | { type: string; attrs: Record<string, unknown>; children: RichTextNodeInput[] };

const richTextTextSchema = z.object({
  type: z.literal("text"),
  text: z.string().min(1).max(LONG),
  marks: z.array(richTextMarkSchema),
});

export const richTextNodeSchema: z.ZodType<RichTextNodeInput> = z
  .lazy(() =>
    z.union([
      richTextTextSchema,
      z.object({
        type: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a node type is a ProseMirror node name")
          .refine((t) => t !== "text", "element nodes are not named text"),
        attrs: z.record(z.string(), z.unknown()),
        children: z.array(richTextNodeSchema),
      }),
    ]),
  )
  .meta({
    id: "RichTextNode",
    description: "ProseMirror JSON-like rich text: a text run with marks, or an element.",
  });

const richText = z.array(richTextNodeSchema);

const textRecord = <K extends string>(keys: readonly K[], max: number) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.string().max(max)])) as Record<K, z.ZodString>);

export const personaSchema = z.object({
  id,
  name: short,
  role: short,
  quote: long,
  colour,
  demographics: textRecord(DEMOGRAPHIC_FIELDS, SHORT),
  psychographics: textRecord(PSYCHOGRAPHIC_FIELDS, LONG).meta({
    description: "Multi-line plain text, one item per line.",
  }),
});

export const phaseSchema = z.object({ id, name: short, colour, description: long });

const channelName = z
  .string()
  .min(1)
  .max(MAX_CHANNEL_NAME)
  .meta({ description: "A built-in channel id (e.g. liveChat) or a custom channel name." });
const channelList = z.array(channelName).max(MAX_CHANNELS_PER_STEP);

export const touchpointSchema = z
  .object({
    id,
    phaseId: id.meta({ description: "A phase id; a missing phase shows it under Unassigned." }),
    name: short,
    channel: z.enum(CHANNELS).meta({ description: "The first channel's kind (custom: a name)." }),
    channels: channelList.optional().meta({
      description: "Every channel of the step in order; files without it have [channel].",
    }),
    action: short,
    team: short,
    description: richText,
    subMapId: id.nullable().optional().meta({
      description: "The map this step stands for (a sub-journey); absent or null: none.",
    }),
  })
  .transform((t) => ({ ...t, channels: t.channels ?? [t.channel] }));

const metricNumber = z.number().finite().nullable();
const metricCell = z
  .object({
    kind: z.literal("metric"),
    value: metricNumber.meta({ description: "The current value (else the newest point's)." }),
    target: metricNumber,
    series: z
      .array(z.object({ at: z.iso.datetime(), value: z.number().finite() }))
      .max(MAX_METRIC_POINTS)
      .default([])
      .meta({ description: "Dated values, oldest first; `at` is an ISO instant." }),
  })
  .meta({ description: "A metric lane's step: value, target and dated series." });

const laneValueSchema = z
  .object({
    touchpointId: id,
    value: z.union([z.number().finite(), z.string().max(MAX_LINK), channelList, metricCell]),
  })
  .meta({
    description:
      "One step's value in a typed lane: a 1–5 rating, a number, an http(s) link, a channel list or a metric.",
  });

export const laneSchema = z.object({
  id,
  kind: z.enum(LANE_KINDS),
  name: short,
  hidden: z.boolean(),
  type: z
    .enum(LANE_TYPES)
    .default("text")
    .meta({ description: "What a custom lane's cells hold; text lanes use `cells`." }),
  unit: z.string().max(MAX_LANE_UNIT).default("").meta({
    description: "A number lane's unit; a metric lane's percent, seconds, score or count.",
  }),
  preset: z
    .enum(["", ...METRIC_PRESET_IDS] as [string, ...string[]])
    .default("")
    .meta({ description: "A metric lane's preset (conversion, dropOff, csat, nps…)." }),
  values: z.array(laneValueSchema).default([]),
});

export const cellSchema = z.object({ laneId: id, touchpointId: id, content: richText });

export const emotionSchema = z.object({
  personaId: id,
  touchpointId: id,
  score: score.meta({ description: `Emotion from ${EMOTION_MIN} to +${EMOTION_MAX}.` }),
  note: long,
});

export const cardSchema = z.object({
  id,
  kind: z.enum(CARD_KINDS),
  touchpointId: id,
  title: short,
  detail: long,
  rating: z
    .number()
    .int()
    .min(RATING_MIN)
    .max(RATING_MAX)
    .meta({ description: "Severity (pain points) or impact (opportunities), 1–5." }),
  status: z.enum(CARD_STATUSES),
  owner: short,
  description: richText.default([]),
});

export const evidenceSchema = z.object({
  id,
  target: z.object({ kind: z.enum(EVIDENCE_TARGET_KINDS), id }).nullable(),
  kind: z.enum(EVIDENCE_KINDS),
  text: long,
  source: short,
  url: z.string().max(URL_MAX),
  contributor: short,
  team: short,
  sentiment: score.nullable(),
  createdAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** Ids must be unique within their collection; one message per duplicate, at its path. */
function uniqueIds(
  items: readonly { id: string }[],
  path: string,
  ctx: z.RefinementCtx,
  key = (item: { id: string }) => item.id,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) {
      ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate id "${k}"` });
    }
    seen.add(k);
  });
}

export const mapSnapshotSchema = z
  .object({
    title: short,
    description: long,
    personas: z.array(personaSchema),
    phases: z.array(phaseSchema),
    touchpoints: z.array(touchpointSchema),
    lanes: z.array(laneSchema),
    cells: z.array(cellSchema),
    emotions: z.array(emotionSchema),
    cards: z.array(cardSchema),
    evidence: z.array(evidenceSchema),
  })
  .superRefine((map, ctx) => {
    uniqueIds(map.personas, "personas", ctx);
    uniqueIds(map.phases, "phases", ctx);
    uniqueIds(map.touchpoints, "touchpoints", ctx);
    uniqueIds(map.lanes, "lanes", ctx);
    uniqueIds(map.cards, "cards", ctx);
    uniqueIds(map.evidence, "evidence", ctx);
    const emotionKeys = new Set<string>();
    map.emotions.forEach((e, i) => {
      const k = `${e.personaId}/${e.touchpointId}`;
      if (emotionKeys.has(k)) {
        ctx.addIssue({
          code: "custom",
          path: ["emotions", i],
          message: `a second emotion point for persona "${e.personaId}" at touchpoint "${e.touchpointId}"`,
        });
      }
      emotionKeys.add(k);
    });
  })
  .meta({ id: "MapSnapshot", description: "A whole journey map; order is array order." });

export const mapFileSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(FORMAT_NAME),
    version: z.literal(FORMAT_VERSION),
    exportedAt: z.iso.datetime().meta({ description: "When the file was written (UTC)." }),
    map: mapSnapshotSchema,
    comments: commentThreadsSchema.optional().meta({
      description:
        "Optional: the map's comment threads, oldest first (exported on request). Targets name ids in map.",
    }),
  })
  .meta({
    title: "Journeymap file",
    description:
      "An open, versioned file format for a whole customer journey map. See docs/format.md.",
  });

export type MapFile = z.infer<typeof mapFileSchema>;
