/**
 * A signed-in person's maps, through our own routes (the session cookie travels with each
 * call): the list, the trash, duplicating, moving and claiming maps, sharing with people, and
 * a workspace's settings. What the person may do is the server's to decide; a refusal comes
 * back as an ApiError with its reason.
 */
import type {
  MapListSort,
  ShareMapBody,
  UpdateWorkspaceSettingsBody,
} from "@journeymap/protocol/http";
import { callApi } from "./apiClient.ts";

export interface MapListQuery {
  readonly q: string;
  readonly sort: MapListSort;
  readonly trash: boolean;
  readonly workspaceId: string | null;
}

export const listWorkspaceMaps = ({ q, sort, trash, workspaceId }: MapListQuery) =>
  callApi("listWorkspaceMaps", {
    query: {
      sort,
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(trash ? { trash: true } : {}),
      ...(workspaceId ? { workspace: workspaceId } : {}),
    },
  });

export const trashMap = (mapId: string) => callApi("trashMap", { params: { mapId } });

export const restoreMap = (mapId: string) => callApi("restoreMap", { params: { mapId } });

export const duplicateMap = (mapId: string, workspaceId?: string) =>
  callApi("duplicateMap", { params: { mapId }, body: workspaceId ? { workspaceId } : {} });

export const moveMap = (mapId: string, workspaceId: string) =>
  callApi("moveMap", { params: { mapId }, body: { workspaceId } });

/** Puts a map made before accounts (held by its owner link on this device) in a workspace. */
export const claimMap = (mapId: string, ownerToken: string, workspaceId: string) =>
  callApi("claimMap", { params: { mapId }, token: ownerToken, body: { workspaceId } });

export const listShares = (mapId: string) => callApi("listShares", { params: { mapId } });

export const shareMap = (mapId: string, body: ShareMapBody) =>
  callApi("shareMap", { params: { mapId }, body });

export const unshareMap = (mapId: string, shareId: string) =>
  callApi("unshareMap", { params: { mapId, shareId } });

export const workspaceSettings = (workspaceId: string) =>
  callApi("getWorkspaceSettings", { params: { workspaceId } });

export const updateWorkspaceSettings = (workspaceId: string, body: UpdateWorkspaceSettingsBody) =>
  callApi("updateWorkspaceSettings", { params: { workspaceId }, body });
