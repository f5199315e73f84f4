/**
 * What this browser has seen of each thread (thread id → the thread's last activity when it
 * was last shown), for unread markers. Kept per map in localStorage: there are no accounts.
 */
import { useCallback, useState } from "react";

const key = (mapId: string) => `journeymap.seen.${mapId}`;

function load(mapId: string): Record<string, number> {
  try {
    const value = JSON.parse(localStorage.getItem(key(mapId)) ?? "{}") as unknown;
    return typeof value === "object" && value !== null ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function useSeen(mapId: string) {
  const [seen, setSeen] = useState(() => load(mapId));
  const markSeen = useCallback(
    (threadId: string, at: number) =>
      setSeen((current) => {
        if ((current[threadId] ?? 0) >= at) return current;
        const next = { ...current, [threadId]: at };
        localStorage.setItem(key(mapId), JSON.stringify(next));
        return next;
      }),
    [mapId],
  );
  return { seen, markSeen };
}
