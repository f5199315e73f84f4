/** What this person has selected on the board, from their own awareness state. */
import { useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { Selection } from "../../sync/presence.ts";

export function useLocalSelection(awareness: Awareness | null): Selection {
  return useSyncExternalStore(
    (listener) => {
      awareness?.on("change", listener);
      return () => awareness?.off("change", listener);
    },
    () => (awareness?.getLocalState()?.selection as Selection | undefined) ?? null,
  );
}
