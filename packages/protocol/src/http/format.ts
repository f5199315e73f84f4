/**
 * Files over HTTP: the import preview and the map an import creates. A preview's snapshot is
 * the file format's MapSnapshot, validated in full by the format's own schema on the server
 * (GET /api/format/schema.json); here only its outline is checked, so the format's validators
 * stay out of the web app's first bundle.
 */
import { IMPORT_KINDS, type MapSnapshot } from "@journeymap/schema";
import * as z from "zod/mini";
import type { Payload } from "./route.ts";
import { described } from "./described.ts";
import { ImportIssue } from "./errors.ts";
import { CreatedMap } from "./maps.ts";

/**
 * Largest file an import accepts. A map's seed is stored and synced as one update, and the
 * sync server refuses updates over 6 MiB; 4 MiB of JSON seeds well under that.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

const rows = z.array(z.looseObject({}));
const MapSnapshotOutline = described(
  z.looseObject({
    title: z.string(),
    description: z.string(),
    personas: rows,
    phases: rows,
    touchpoints: rows,
    lanes: rows,
    cells: rows,
    emotions: rows,
    cards: rows,
    evidence: rows,
  }),
  "The map the file holds: a MapSnapshot as in the file format (GET /api/format/schema.json).",
) as unknown as z.ZodMiniType<MapSnapshot>;

export const ImportPreviewResult = z.object({
  kind: z.enum(IMPORT_KINDS),
  snapshot: z.nullable(MapSnapshotOutline),
  comments: described(
    z.optional(z.array(z.unknown())),
    "The comment threads of a Journeymap file that carries them.",
  ),
  errors: z.array(ImportIssue),
  notes: described(z.array(z.string()), "What was adjusted on the way (a migrated version…)."),
  importable: described(z.boolean(), "True when the file has no errors."),
});
export type ImportPreviewResult = Payload<typeof ImportPreviewResult>;

export const ImportedMap = z.extend(CreatedMap, { notes: z.array(z.string()) });
export type ImportedMap = Payload<typeof ImportedMap>;
