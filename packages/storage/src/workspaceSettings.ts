/**
 * What a workspace's admins decide for all its maps: the role members get on a map without an
 * explicit share, and whether share links for guests (owner, editor, commenter, viewer links)
 * open its maps at all. Contributor links and API tokens are not guest links: they stay.
 */
import { ROLE, type Role } from "@journeymap/protocol";

export interface WorkspaceSettings {
  readonly workspaceId: string;
  /** What members may do on a map not shared with them explicitly. */
  readonly defaultMapRole: Role;
  /** Whether guest share links open the workspace's maps. */
  readonly guestLinks: boolean;
}

/** A workspace whose admins changed nothing. */
export const DEFAULT_WORKSPACE_SETTINGS = {
  defaultMapRole: ROLE.editor,
  guestLinks: true,
} as const satisfies Omit<WorkspaceSettings, "workspaceId">;

/** What access checks need to know of a map, in one read: where it is and its workspace's rules. */
export interface MapPolicy {
  readonly mapId: string;
  readonly workspaceId: string | null;
  readonly deletedAt: number | null;
  readonly defaultMapRole: Role;
  readonly guestLinks: boolean;
}

export interface WorkspaceSettingsStore {
  /** The workspace's settings (the defaults when none were saved). */
  getWorkspaceSettings(workspaceId: string): Promise<WorkspaceSettings>;
  putWorkspaceSettings(settings: WorkspaceSettings): Promise<void>;
  /** The map's policy, or null when there is no such map. */
  mapPolicy(mapId: string): Promise<MapPolicy | null>;
}
