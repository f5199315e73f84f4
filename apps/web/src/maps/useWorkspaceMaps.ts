import type { WorkspaceMap } from "@journeymap/protocol/http";
import { useCallback, useEffect, useState } from "react";
import { listWorkspaceMaps, type MapListQuery } from "../api/workspaceMapsApi.ts";

/** Typing in the search box asks the server once the person pauses (ms). */
const SEARCH_PAUSE_MS = 200;

export interface WorkspaceMaps {
  /** null until the first answer. */
  readonly maps: readonly WorkspaceMap[] | null;
  readonly error: string | null;
  readonly reload: () => void;
}

/** The signed-in person's maps for `query`, asked again when it changes or on reload(). */
export function useWorkspaceMaps(query: MapListQuery): WorkspaceMaps {
  const [maps, setMaps] = useState<readonly WorkspaceMap[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const { q, sort, trash, workspaceId } = query;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks again for the same query (after an action changed the list)
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        listWorkspaceMaps({ q, sort, trash, workspaceId }).then(
          (found) => {
            if (!live) return;
            setMaps(found);
            setError(null);
          },
          (e: Error) => live && setError(e.message),
        );
      },
      q ? SEARCH_PAUSE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, sort, trash, workspaceId, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { maps, error, reload };
}
