/**
 * The map list's payloads: templates, creating a map, looking up the maps a browser holds
 * tokens for, and a signed-in person's maps (in their workspaces: listed, trashed, restored,
 * duplicated, moved, claimed from before accounts).
 */
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
  workspaceId: described(
    z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    "The workspace the map goes in (signed in; you must be an admin or member there). Without it the map belongs to no workspace and only its links open it.",
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

/** How a signed-in person's map list is sorted: last edit first, title A–Z, newest first. */
export const MAP_LIST_SORTS = ["updated", "title", "created"] as const;
export type MapListSort = (typeof MAP_LIST_SORTS)[number];

/** At most this many maps in one answer of GET /api/maps. */
export const MAX_LISTED_MAPS = 500;

/** How long a map stays in the trash before it is deleted for good (days). */
export const TRASH_DAYS = 30;

/** Who last edited a map, as shown: an account's name (a guest's name, or a name from before accounts). */
export const LastEditor = z.object({ id: z.string(), name: z.string() });
export type LastEditor = Payload<typeof LastEditor>;

/** A map in a signed-in person's list, with their role on it. */
export const WorkspaceMap = z.object({
  id: z.string(),
  title: z.string(),
  workspaceId: described(
    z.nullable(z.string()),
    "null: made before accounts (or without signing in); only its links open it.",
  ),
  createdAt: described(z.number(), "Milliseconds since the epoch (server time)."),
  updatedAt: described(z.number(), "Time of the latest saved edit."),
  updatedBy: described(z.nullable(LastEditor), "Who made the latest edit; null: nobody yet."),
  role: z.enum(ROLES),
  deletedAt: described(
    z.nullable(z.number()),
    `When it was put in the trash (deleted for good ${TRASH_DAYS} days later); null: not in the trash.`,
  ),
});
export type WorkspaceMap = Payload<typeof WorkspaceMap>;
export const WorkspaceMapList = z.array(WorkspaceMap);

const workspaceId = z.string().check(z.minLength(1), z.maxLength(64));

export const DuplicateMapBody = z.strictObject({
  workspaceId: described(
    z.optional(workspaceId),
    "Where the copy goes (a workspace you are an admin or member of); the map's own by default.",
  ),
});
export type DuplicateMapBody = z.infer<typeof DuplicateMapBody>;

/** Moving a map, or claiming one from before accounts: the workspace it goes in. */
export const WorkspaceBody = z.strictObject({ workspaceId });
export type WorkspaceBody = z.infer<typeof WorkspaceBody>;
