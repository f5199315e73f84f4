import { z } from "zod";
import { FORMAT_SCHEMA_ID, mapFileSchema } from "./mapFileSchema.ts";

/**
 * The published JSON Schema (draft 2020-12), generated from the zod schema so the two cannot
 * drift; a test fails when docs/format/journeymap.schema.json is stale.
 */
export function mapFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(mapFileSchema, { target: "draft-2020-12", io: "input" }),
    $id: FORMAT_SCHEMA_ID,
  };
}
