/**
 * The routes of a signed-in person's maps (ROUTES spreads them in): the list, the trash,
 * duplicating, moving and claiming maps, sharing with people, and a workspace's settings.
 * Every one needs the session cookie; what the person must be (their role on the map, or in a
 * workspace) is said in each description.
 */
import * as z from "zod/mini";
import { SIGNED_IN } from "./access.ts";
import {
  DuplicateMapBody,
  MAP_LIST_SORTS,
  MAX_LISTED_MAPS,
  TRASH_DAYS,
  WorkspaceBody,
  WorkspaceMap,
  WorkspaceMapList,
} from "./maps.ts";
import { BAD_INPUT, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Route } from "./route.ts";
import {
  MapSharing,
  MovedMap,
  ShareMapBody,
  SharedMap,
  UpdateWorkspaceSettingsBody,
  WorkspaceSettings,
} from "./sharing.ts";

const BAD_BODY = { ...BAD_INPUT, ...TOO_LARGE };
const BUSY = { 429: refusal("Too many changes in a short time; see Retry-After.") };
/** Refusals of a route on one map, for a signed-in person. */
const ON_MAP = {
  ...SIGNED_OUT,
  ...BUSY,
  403: refusal("Your role on the map (or in the workspace) does not allow it; the message says."),
  404: refusal("No such map."),
};
const TRASHED = { 410: refusal("The map is in the trash.") };
const map = (description: string) => ({ 200: { description, schema: WorkspaceMap } });

export const WORKSPACE_MAP_ROUTES = {
  listWorkspaceMaps: {
    method: "GET",
    path: "/api/maps",
    summary: "The maps I can open (or, with trash=1, the ones in the trash), on any device",
    description: `Maps of the workspaces I am an admin or member of, and maps shared with me. At most ${MAX_LISTED_MAPS}.`,
    access: SIGNED_IN,
    query: {
      q: {
        schema: z.string().check(z.maxLength(200)),
        description: "Only maps whose title contains this (any case).",
      },
      sort: {
        schema: z.enum(MAP_LIST_SORTS),
        description: "updated (last edit first, the default), title (A–Z), created (newest first).",
      },
      trash: { schema: z.boolean(), description: "The trash instead of the maps in use." },
      workspace: { schema: z.string(), description: "Only this workspace's maps." },
    },
    responses: {
      200: { description: "The maps, with my role on each.", schema: WorkspaceMapList },
    },
    errors: { ...SIGNED_OUT, 400: refusal("A query parameter is malformed.") },
  },
  trashMap: {
    method: "POST",
    path: "/api/maps/{mapId}/trash",
    summary: `Put a map in the trash (deleted for good after ${TRASH_DAYS} days; restorable until then)`,
    description:
      "For its owners (workspace admins) and the member who created it. It closes for everyone at once.",
    access: SIGNED_IN,
    responses: map("In the trash."),
    errors: { ...ON_MAP, ...TRASHED },
  },
  restoreMap: {
    method: "POST",
    path: "/api/maps/{mapId}/restore",
    summary: "Take a map out of the trash",
    description: "For its owners and the member who created it.",
    access: SIGNED_IN,
    responses: map("Restored."),
    errors: { ...ON_MAP, 409: refusal("The map is not in the trash.") },
  },
  duplicateMap: {
    method: "POST",
    path: "/api/maps/{mapId}/duplicate",
    summary: 'A new map with the same content, titled "… (copy)"',
    description:
      "Anyone who can open the map; the copy goes in its workspace or another one I am an admin or member of. Comments, history and shares are not copied.",
    access: SIGNED_IN,
    body: { schema: DuplicateMapBody },
    responses: { 201: { description: "The copy.", schema: WorkspaceMap } },
    errors: { ...ON_MAP, ...TRASHED, ...BAD_BODY, 507: refusal("The server's storage is full.") },
  },
  moveMap: {
    method: "POST",
    path: "/api/maps/{mapId}/move",
    summary: "Move a map to another workspace",
    description:
      "For its owners and the member who created it, to a workspace I am an admin or member of. Its shares with people outside that workspace are removed (listed in the answer); its links keep working.",
    access: SIGNED_IN,
    body: { schema: WorkspaceBody },
    responses: { 200: { description: "Moved.", schema: MovedMap } },
    errors: { ...ON_MAP, ...TRASHED, ...BAD_BODY },
  },
  claimMap: {
    method: "POST",
    path: "/api/maps/{mapId}/claim",
    summary: "Put a map made before accounts into a workspace",
    description:
      "Needs both the map's owner link (Authorization: Bearer <token>) and a session of a person who is an admin or member of the workspace. The map's links keep working.",
    access: SIGNED_IN,
    body: { schema: WorkspaceBody },
    responses: map("Claimed: the map is in the workspace."),
    errors: {
      ...ON_MAP,
      ...TRASHED,
      ...BAD_BODY,
      409: refusal("The map already belongs to a workspace."),
    },
  },
  listShares: {
    method: "GET",
    path: "/api/maps/{mapId}/shares",
    summary: "Who the map is shared with, and its workspace's default role",
    description: "Anyone who can open the map.",
    access: SIGNED_IN,
    responses: { 200: { description: "The map's sharing.", schema: MapSharing } },
    errors: { ...ON_MAP, ...TRASHED },
  },
  shareMap: {
    method: "POST",
    path: "/api/maps/{mapId}/shares",
    summary: "Share the map with a person of its workspace, or invite someone by email",
    description:
      "For its owners and the members who may edit it; inviting by email (to the workspace, as a guest) is for workspace admins. Sharing again with the same person changes their role.",
    access: SIGNED_IN,
    body: { schema: ShareMapBody },
    responses: { 201: { description: "Shared.", schema: SharedMap } },
    errors: { ...ON_MAP, ...TRASHED, ...BAD_BODY },
  },
  unshareMap: {
    method: "DELETE",
    path: "/api/maps/{mapId}/shares/{shareId}",
    summary: "Stop sharing the map with a person: their open boards close at once",
    description: "For its owners and the members who may edit it.",
    access: SIGNED_IN,
    responses: { 204: { description: "No longer shared." } },
    errors: { ...ON_MAP, ...TRASHED },
  },
  getWorkspaceSettings: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/settings",
    summary: "A workspace's default map role and guest-link policy",
    description: "For the workspace's admins.",
    access: SIGNED_IN,
    responses: { 200: { description: "The settings.", schema: WorkspaceSettings } },
    errors: { ...SIGNED_OUT, 403: refusal("Only the workspace's admins.") },
  },
  updateWorkspaceSettings: {
    method: "PATCH",
    path: "/api/workspaces/{workspaceId}/settings",
    summary:
      "Change a workspace's default map role or guest-link policy: open boards follow at once",
    description: "For the workspace's admins.",
    access: SIGNED_IN,
    body: { schema: UpdateWorkspaceSettingsBody },
    responses: { 200: { description: "The settings now.", schema: WorkspaceSettings } },
    errors: { ...SIGNED_OUT, ...BUSY, ...BAD_BODY, 403: refusal("Only the workspace's admins.") },
  },
} as const satisfies Readonly<Record<string, Route>>;
