/**
 * Telling live connections that access changed, through the revocation bus (sync/revocations.ts:
 * on every instance within a second). Links are revoked by id (LinkGuard closes their
 * connections); a person's connections are re-read (AccountGuard closes or downgrades them).
 * A change to a whole map or workspace is announced for each person it may concern: the
 * workspace's people and those the map is shared with.
 */
import { isGuestLink } from "@journeymap/access";
import type { MapStore } from "@journeymap/storage";

export interface AccessChangesOptions {
  readonly store: Pick<MapStore, "listLinks" | "listShares" | "findMaps">;
  readonly membersOf: (workspaceId: string) => Promise<readonly { readonly userId: string }[]>;
  /** Closes the live connections of a link (revocations.linkRevoked). */
  readonly onRevoke: (mapId: string, linkId: string) => void;
  /** Re-reads a person's live connections (revocations.accessChanged). */
  readonly onAccessChanged: (userId: string) => void;
}

/** At most this many maps' links are closed when a workspace turns guest links off. */
const MAX_MAPS_PER_ANNOUNCEMENT = 10_000;

export function accessChanges(options: AccessChangesOptions) {
  const { store, membersOf, onRevoke, onAccessChanged } = options;

  const people = async (mapId: string, workspaceIds: readonly (string | null)[]) => {
    const ids = new Set<string>();
    for (const workspaceId of workspaceIds)
      if (workspaceId !== null) for (const m of await membersOf(workspaceId)) ids.add(m.userId);
    for (const share of await store.listShares(mapId)) if (share.userId) ids.add(share.userId);
    return ids;
  };

  const closeLinks = async (mapId: string, which: (role: string) => boolean) => {
    for (const link of await store.listLinks(mapId))
      if (link.revokedAt === null && which(link.role)) onRevoke(mapId, link.id);
  };

  return {
    /** One person's access changed (a share made, lowered or withdrawn). */
    person(userId: string): void {
      onAccessChanged(userId);
    },

    /**
     * A map closed for everyone who has it open (put in the trash), or changed hands (moved
     * from `formerWorkspaceId`): links are closed when `closeLinks`, people re-read.
     */
    async mapChanged(
      map: { readonly id: string; readonly workspaceId: string | null },
      { closeLinks: links = false, formerWorkspaceId = null as string | null } = {},
    ): Promise<void> {
      if (links) await closeLinks(map.id, () => true);
      for (const userId of await people(map.id, [map.workspaceId, formerWorkspaceId]))
        onAccessChanged(userId);
    },

    /** A workspace's default map role changed: its people's roles may have. */
    async workspaceChanged(workspaceId: string): Promise<void> {
      for (const m of await membersOf(workspaceId)) onAccessChanged(m.userId);
    },

    /** A workspace turned guest links off: close the guest links of its maps. */
    async guestLinksOff(workspaceId: string): Promise<void> {
      const maps = await store.findMaps({
        workspaceIds: [workspaceId],
        mapIds: [],
        trashed: false,
        sort: "created",
        limit: MAX_MAPS_PER_ANNOUNCEMENT,
      });
      for (const map of maps) await closeLinks(map.id, isGuestLink);
    },
  };
}

export type AccessChanges = ReturnType<typeof accessChanges>;
