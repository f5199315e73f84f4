/**
 * The history API's JSON payloads: log entries, the timeline of bursts, attribution and named
 * versions. Shapes the schema package already declares (bursts, attribution) are validated
 * against its types, so the two cannot drift.
 */
import type {
  Attribution as AttributionRecord,
  Burst as BurstRecord,
  LogEntry,
  Touch as TouchRecord,
} from "@journeymap/schema";
import * as z from "zod/mini";
import type { Payload } from "./route.ts";
import { described } from "./described.ts";

export const MAX_VERSION_NAME = 120;
/** The sequence number a state answer is exact for. */
export const SEQ_HEADER = "x-journeymap-seq";
/**
 * On a lean state (`lean=1`): the last row it may be brought to. It lacks deleted content that
 * rows after that one may name, so they must be applied to a full state instead.
 */
export const THROUGH_HEADER = "x-journeymap-through";

/**
 * Who did something, as shown (the server resolves recorded ids): `author` is the name to
 * show, `authorId` an account id, a guest's `guest:…` id, or (before accounts) the recorded
 * name itself; `guest` marks someone who came by a link without an account.
 */
const shownAuthor = {
  author: described(z.string(), "The name to show."),
  authorId: z.optional(z.string()),
  guest: z.optional(z.boolean()),
};

export const HistoryEntry: z.ZodMiniType<LogEntry> = z.object({
  seq: z.int(),
  ts: described(z.number(), "Server receipt time, ms since the epoch."),
  ...shownAuthor,
  origin: z.string(),
  bytes: z.int(),
});
export type HistoryEntry = Payload<typeof HistoryEntry>;
export const HistoryEntryList = z.array(HistoryEntry);

export const Burst: z.ZodMiniType<BurstRecord> = z.object({
  fromSeq: z.int(),
  toSeq: z.int(),
  startTs: z.number(),
  endTs: z.number(),
  ...shownAuthor,
  origin: described(z.string(), '"server" for seeding and migrations; "connection" for people.'),
  count: z.int(),
  bytes: z.int(),
});
export type Burst = Payload<typeof Burst>;

export const Timeline = z.object({
  seq: described(z.int(), "The last logged sequence number."),
  bursts: z.array(Burst),
});
export type Timeline = Payload<typeof Timeline>;

const Touch: z.ZodMiniType<TouchRecord> = z.object({
  seq: z.int(),
  ts: z.number(),
  ...shownAuthor,
});
export const Attribution: z.ZodMiniType<AttributionRecord> = z.object({
  created: Touch,
  changed: Touch,
});
export type Attribution = Payload<typeof Attribution>;

export const AttributionTable = z.object({
  seq: z.int(),
  targets: described(
    z.record(z.string(), Attribution),
    "By target: `phase:<id>`, `cell:<root>`, `point:<persona>/<touchpoint>`, `meta`…",
  ),
});
export type AttributionTable = Payload<typeof AttributionTable>;

/** A named moment of a map ("After the workshop"): the state after row `seq`. */
export const Version = z.object({
  id: z.string(),
  mapId: z.string(),
  seq: z.int(),
  name: z.string(),
  createdAt: z.number(),
  createdBy: described(z.string(), "The name to show."),
  createdById: described(
    z.optional(z.string()),
    "An account id, or (before accounts, or by a link) the name given.",
  ),
});
export type Version = Payload<typeof Version>;
export const VersionList = z.array(Version);

const VersionName = z
  .string()
  .check(z.trim(), z.minLength(1, "name must not be empty"), z.maxLength(MAX_VERSION_NAME));

export const CreateVersionBody = z.strictObject({
  name: VersionName,
  seq: described(z.optional(z.number().check(z.int(), z.minimum(0))), "The last edit when absent."),
  by: described(
    z.optional(z.string().check(z.trim(), z.maxLength(100))),
    "The caller's display name (self-declared, as in presence); the link's label otherwise.",
  ),
});
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

export const RenameVersionBody = z.strictObject({ name: VersionName });
export type RenameVersionBody = z.infer<typeof RenameVersionBody>;

export const RenamedVersion = z.object({ id: z.string(), name: z.string() });
export type RenamedVersion = Payload<typeof RenamedVersion>;
