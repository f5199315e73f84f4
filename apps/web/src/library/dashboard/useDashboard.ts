import { useCallback, useEffect, useState } from "react";
import { getDashboard, type LibraryDashboard } from "../../hierarchy/hierarchyApi.ts";

export interface DashboardState {
  /** null until the first answer. */
  readonly dashboard: LibraryDashboard | null;
  readonly error: string | null;
  readonly reload: () => void;
}

/** The workspace's dashboard, asked when the section opens and on reload(). */
export function useDashboard(workspaceId: string): DashboardState {
  const [dashboard, setDashboard] = useState<LibraryDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks again for the same workspace
  useEffect(() => {
    let live = true;
    getDashboard(workspaceId).then(
      (answer) => {
        if (!live) return;
        setDashboard(answer);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [workspaceId, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { dashboard, error, reload };
}
