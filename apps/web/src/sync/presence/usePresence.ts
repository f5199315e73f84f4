/**
 * The one hook over awareness: `read` turns the states into what a component needs (peers,
 * our own selection, presenters…; see presenceState.ts), re-read when awareness changes.
 */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { PresenceStates } from "./presenceState.ts";

const NO_STATES: PresenceStates = new Map();

export function usePresence<T>(
  awareness: Awareness | null,
  read: (states: PresenceStates, selfId: number) => T,
): T {
  const last = useRef<{ key: string; value: T } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!awareness) return () => {};
      awareness.on("change", listener);
      return () => awareness.off("change", listener);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    const states = (awareness?.getStates() as PresenceStates | undefined) ?? NO_STATES;
    const value = read(states, awareness?.clientID ?? -1);
    // A stable snapshot while nothing changed (useSyncExternalStore compares by identity).
    const key = JSON.stringify(value) ?? "";
    if (!last.current || key !== last.current.key) last.current = { key, value };
    return last.current.value;
  });
}
