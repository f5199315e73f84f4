import { useCallback, useState } from "react";

/** The workspace last shown on this device (a person's, so signing out removes it). */
export const WORKSPACE_STORAGE_KEY = "journeymap.workspace";

function stored(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The workspace the person chose to look at, remembered across visits. */
export function useChosenWorkspace(): [string | null, (workspaceId: string) => void] {
  const [chosen, setChosen] = useState(stored);
  const choose = useCallback((workspaceId: string) => {
    setChosen(workspaceId);
    try {
      localStorage.setItem(WORKSPACE_STORAGE_KEY, workspaceId);
    } catch {
      // No storage: chosen for this visit.
    }
  }, []);
  return [chosen, choose];
}
