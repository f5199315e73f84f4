/** Who is presenting on this map, and how many follow us, re-read when awareness changes. */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import { countWatchers, type Presenter, readPresenters } from "./presenting.ts";

const NONE: readonly Presenter[] = [];

function useAwarenessValue<T>(awareness: Awareness | null, read: (a: Awareness) => T, empty: T): T {
  const last = useRef<{ key: string; value: T }>({ key: JSON.stringify(empty), value: empty });
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!awareness) return () => {};
      awareness.on("change", listener);
      return () => awareness.off("change", listener);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!awareness) return empty;
    const value = read(awareness);
    // A stable snapshot while nothing changed (useSyncExternalStore compares by identity).
    const key = JSON.stringify(value);
    if (key !== last.current.key) last.current = { key, value };
    return last.current.value;
  });
}

const states = (a: Awareness) => a.getStates() as Map<number, Record<string, unknown>>;

export function usePresenters(awareness: Awareness | null): readonly Presenter[] {
  return useAwarenessValue(awareness, (a) => readPresenters(states(a), a.clientID), NONE);
}

/** How many people follow us while we present. */
export function useWatcherCount(awareness: Awareness | null): number {
  return useAwarenessValue(awareness, (a) => countWatchers(states(a), a.clientID), 0);
}
