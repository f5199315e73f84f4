import type { MapSharing, ShareLink } from "@journeymap/protocol/http";
import { useCallback, useEffect, useState } from "react";
import { listLinks } from "../api/mapsApi.ts";
import { listShares } from "../api/workspaceMapsApi.ts";
import { tokenFor } from "../sync/tokens.ts";
import { type Action, useAction } from "../ui/useAction.ts";

export interface MapSharingState {
  /** Who the map is shared with and its workspace's rules; null for a map in no workspace, or signed out. */
  readonly sharing: MapSharing | null;
  /** The map's links and API tokens (owners only; empty otherwise). */
  readonly links: readonly ShareLink[];
  /** The owner's link token, or "" when the owner's session speaks for them. */
  readonly token: string;
  /** Runs a change and reads everything again after it. */
  readonly change: (work: () => Promise<unknown>) => Promise<boolean>;
  readonly action: Action;
}

/**
 * What the share dialog shows, read while it is open: the map's sharing with people (signed
 * in) and its links (owners).
 */
export function useMapSharing(
  mapId: string,
  open: boolean,
  { people, owner }: { people: boolean; owner: boolean },
): MapSharingState {
  const [sharing, setSharing] = useState<MapSharing | null>(null);
  const [links, setLinks] = useState<readonly ShareLink[]>([]);
  const action = useAction();
  const token = tokenFor(mapId);

  const load = useCallback(async () => {
    const [shared, listed] = await Promise.all([
      // A map in no workspace has no people to share with: the server says 404.
      people ? listShares(mapId).catch(() => null) : null,
      owner ? listLinks(mapId, token) : [],
    ]);
    setSharing(shared);
    setLinks(listed);
  }, [mapId, token, people, owner]);

  const { run } = action;
  useEffect(() => {
    if (open) void run(load);
  }, [open, run, load]);

  const change = useCallback(
    (work: () => Promise<unknown>) =>
      run(async () => {
        try {
          await work();
        } finally {
          await load();
        }
      }),
    [run, load],
  );

  return { sharing, links, token, change, action };
}
