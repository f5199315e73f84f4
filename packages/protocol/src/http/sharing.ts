/**
 * Sharing a map with people (members of its workspace, or anyone by email: an invitation to
 * the workspace as a guest), and a workspace's settings for all its maps.
 */
import * as z from "zod/mini";
import { ROLE } from "../roles.ts";
import { described } from "./described.ts";
import type { Payload } from "./route.ts";
import { WorkspaceMap } from "./maps.ts";

/** The roles a map is shared with, and a workspace's default for its members. */
export const SHARE_ROLES = [ROLE.editor, ROLE.commenter, ROLE.viewer] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

/** One person a map is shared with. */
export const MapShare = z.object({
  id: z.string(),
  userId: described(z.nullable(z.string()), "The account; null while an invitation is pending."),
  email: described(z.nullable(z.string()), "The invited address, while the invitation is pending."),
  name: described(z.nullable(z.string()), "The account's name; null while pending."),
  role: z.enum(SHARE_ROLES),
  pending: described(z.boolean(), "Invited by email and not in the workspace yet."),
  createdAt: z.number(),
});
export type MapShare = Payload<typeof MapShare>;

/** Who has a map besides its workspace's admins, and the workspace's rules for it. */
export const MapSharing = z.object({
  workspaceId: z.nullable(z.string()),
  defaultMapRole: described(
    z.enum(SHARE_ROLES),
    "What the workspace's members may do on the map unless shared otherwise.",
  ),
  guestLinks: described(z.boolean(), "Whether share links for guests open the workspace's maps."),
  shares: z.array(MapShare),
});
export type MapSharing = Payload<typeof MapSharing>;

export const ShareMapBody = z.strictObject({
  userId: described(
    z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    "A person in the map's workspace…",
  ),
  email: described(
    z.optional(z.email().check(z.maxLength(254))),
    "…or anyone's email: invited to the workspace as a guest, the share is theirs once they accept.",
  ),
  role: z.enum(SHARE_ROLES),
});
export type ShareMapBody = z.infer<typeof ShareMapBody>;

export const SharedMap = z.object({
  share: MapShare,
  invitationId: described(
    z.nullable(z.string()),
    "The workspace invitation sent by email (its link: /invitations/<id>); null when none was needed.",
  ),
});
export type SharedMap = Payload<typeof SharedMap>;

/** A moved map, and the shares dropped because their people are not in the new workspace. */
export const MovedMap = z.object({
  map: WorkspaceMap,
  droppedShares: described(
    z.array(MapShare),
    "Shares with people outside the new workspace: removed (they no longer have the map).",
  ),
});
export type MovedMap = Payload<typeof MovedMap>;

export const WorkspaceSettings = z.object({
  defaultMapRole: z.enum(SHARE_ROLES),
  guestLinks: described(
    z.boolean(),
    "Off: owner, editor, commenter and viewer links of the workspace's maps stop opening them (contributor links and API tokens stay).",
  ),
});
export type WorkspaceSettings = Payload<typeof WorkspaceSettings>;

export const UpdateWorkspaceSettingsBody = z.strictObject({
  defaultMapRole: z.optional(z.enum(SHARE_ROLES)),
  guestLinks: z.optional(z.boolean()),
});
export type UpdateWorkspaceSettingsBody = z.infer<typeof UpdateWorkspaceSettingsBody>;
