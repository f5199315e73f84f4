/** The map list's payloads: templates, creating a map, and looking up the maps a browser holds. */
import * as z from "zod/mini";
import type { Payload } from "./route.ts";
import { ROLES } from "../roles.ts";
import { described } from "./described.ts";

export const MAX_MAP_TITLE = 200;

export const TemplateSummary = z.object({ id: z.string(), name: z.string(), summary: z.string() });
export type TemplateSummary = Payload<typeof TemplateSummary>;
export const TemplateList = z.array(TemplateSummary);

export const CreateMapBody = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.maxLength(MAX_MAP_TITLE))),
  template: described(
    z.optional(z.string().check(z.maxLength(64))),
    "A template id from GET /api/templates (the default template when absent).",
  ),
});
export type CreateMapBody = z.infer<typeof CreateMapBody>;

/** A map and the role the caller's token gives on it. */
export const MapSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: described(z.number(), "Milliseconds since the epoch (server time)."),
  updatedAt: described(z.number(), "Time of the latest saved edit."),
  role: z.enum(ROLES),
});
export type MapSummary = Payload<typeof MapSummary>;
export const MapSummaryList = z.array(MapSummary);

/** A new map: its owner's token comes with it (the only time it is shown). */
export const CreatedMap = z.extend(MapSummary, { token: z.string() });
export type CreatedMap = Payload<typeof CreatedMap>;

export const LookupBody = z.strictObject({
  maps: z
    .array(
      z.strictObject({
        mapId: z.string().check(z.maxLength(64)),
        token: z.string().check(z.maxLength(2048)),
      }),
    )
    .check(z.maxLength(500)),
});
export type LookupBody = z.infer<typeof LookupBody>;
