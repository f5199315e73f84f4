/**
 * The maps of a workspace a signed-in person may open: every view across maps starts here, so
 * a map they cannot open never appears, not even in a count.
 */
import type { AccountAccess, ListedMap } from "@journeymap/access";

/** More maps than this in one workspace are not rolled up (the rest are left out, newest kept). */
export const MAX_LIBRARY_MAPS = 5_000;

export function readableMaps(
  roles: AccountAccess,
  userId: string,
  workspaceId: string,
): Promise<ListedMap[]> {
  return roles.listMaps(userId, {
    workspaceId,
    trashed: false,
    sort: "updated",
    limit: MAX_LIBRARY_MAPS,
  });
}
