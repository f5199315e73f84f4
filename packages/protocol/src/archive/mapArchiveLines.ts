/**
 * A map archive is JSON lines (docs/format.md, "Map archives"): a header, the map's records as
 * stored (every column, so a column added later travels without a format change), each of its
 * documents' logged updates and latest checkpoint, and an end line counting what came before it
 * (a cut-off file is refused). Archives are read from disk, maybe edited or truncated by hand:
 * every line is validated here before anything is written to a store.
 */
import * as z from "zod/mini";

export const MAP_ARCHIVE_KIND = "journeymap-map-archive";
/** Bumped when a reader of the previous version could misread a new archive. */
export const MAP_ARCHIVE_FORMAT = 1;
/** The file name suffix `archive --all` writes and `unarchive` expects. */
export const MAP_ARCHIVE_SUFFIX = ".jmarchive.jsonl";

/**
 * Whole archive, in bytes: the reader holds one map in memory (a 50,000-edit map archives to
 * tens of MB). Node cannot hold a string much over 512 MiB, so this stays well below.
 */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;
/** Columns of one record: the widest table has a dozen. */
const MAX_COLUMNS = 64;
/** A text value of a record (titles, labels, names are far shorter). */
const MAX_TEXT = 64 * 1024;

/**
 * The tables whose rows belong to one map, as the store names them: the map, its share links
 * (as stored: tokens are signed, not stored, so a link keeps working wherever the signing key
 * is the same), named versions, shares with people, where it was branched from (its own row of
 * map_branches, when it is a branch), its live emotion votes and their ballots, and its
 * workspace's settings. Restored in this order.
 */
export const ARCHIVE_TABLES = [
  "maps",
  "links",
  "versions",
  "map_shares",
  "map_branches",
  "votes",
  "vote_ballots",
  "workspace_settings",
] as const;
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const count = z.int().check(z.nonnegative());
const seq = z.int().check(z.positive());
const time = z.number().check(z.nonnegative());

export const ArchiveHeaderLine = z.object({
  kind: z.literal(MAP_ARCHIVE_KIND),
  format: z.int(),
  mapId: z.string(),
  createdAt: time,
  /** "sqlite" or "postgres": where it was taken (informative). */
  source: z.string().check(z.maxLength(40)),
});
export type ArchiveHeaderLine = z.infer<typeof ArchiveHeaderLine>;

export const ArchiveValue = z.union([
  z.string().check(z.maxLength(MAX_TEXT)),
  z.number(),
  z.boolean(),
  z.null(),
]);
export type ArchiveValue = z.infer<typeof ArchiveValue>;

/** Column names as the stores spell them; checked again against the target table's columns. */
const columnName = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,62}$/));

export const ArchiveRecordLine = z.object({
  kind: z.literal("record"),
  table: z.enum(ARCHIVE_TABLES),
  row: z
    .record(columnName, ArchiveValue)
    .check(z.refine((row) => Object.keys(row).length <= MAX_COLUMNS, "too many columns")),
});
export type ArchiveRecordLine = z.infer<typeof ArchiveRecordLine>;

export const ArchiveUpdateLine = z.object({
  kind: z.literal("update"),
  doc: z.string(),
  seq,
  ts: time,
  author: z.string().check(z.maxLength(MAX_TEXT)),
  clientIds: z.array(count),
  origin: z.enum(["connection", "server"]),
  bytes: base64,
});
export type ArchiveUpdateLine = z.infer<typeof ArchiveUpdateLine>;

export const ArchiveCheckpointLine = z.object({
  kind: z.literal("checkpoint"),
  doc: z.string(),
  uptoSeq: seq,
  createdAt: time,
  state: base64,
});
export type ArchiveCheckpointLine = z.infer<typeof ArchiveCheckpointLine>;

export const ArchiveEndLine = z.object({
  kind: z.literal("end"),
  /** Lines between the header and this one. */
  lines: count,
});
export type ArchiveEndLine = z.infer<typeof ArchiveEndLine>;

/** Any line after the header. */
export const ArchiveBodyLine = z.discriminatedUnion("kind", [
  ArchiveRecordLine,
  ArchiveUpdateLine,
  ArchiveCheckpointLine,
  ArchiveEndLine,
]);
export type ArchiveBodyLine = z.infer<typeof ArchiveBodyLine>;
