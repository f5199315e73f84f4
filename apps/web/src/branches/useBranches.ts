import { useCallback, useEffect, useState } from "react";
import { type BranchList, archiveBranch, listBranches } from "./branchesApi.ts";

/** The map's branches, loaded while `enabled` (the panel is open). */
export function useBranches(mapId: string, enabled: boolean) {
  const [list, setList] = useState<BranchList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    listBranches(mapId).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [mapId]);
  useEffect(() => {
    if (enabled) reload();
  }, [enabled, reload]);
  const archive = useCallback(
    (branchId: string, archived: boolean) => {
      archiveBranch(mapId, branchId, archived).then(reload, (e: unknown) =>
        setError(e instanceof Error ? e.message : String(e)),
      );
    },
    [mapId, reload],
  );
  return { list, error, reload, archive };
}
