/**
 * Who else is on this map, shown on the history view like the board header shows it: one
 * avatar per person with the name and colour the server set, and where they are (on the board
 * or in the history too). The page joins the map's awareness read-only: it announces only
 * that it is in the history, never a selection, pointer or viewport.
 */
import { History } from "lucide-react";
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import { usePeers } from "../sync/presence.ts";
import { initials } from "../ui/initials.ts";
import { describePlace, PLACE_FIELD, type Place, placesOf } from "./places.ts";

const NO_PLACES: ReadonlyMap<number, Place> = new Map();

/** Marks this page's presence as being in the history, for as long as it is mounted. */
export function useInHistory(awareness: Awareness | null): void {
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("selection", null);
    awareness.setLocalStateField(PLACE_FIELD, "history");
    return () => awareness.setLocalStateField(PLACE_FIELD, null);
  }, [awareness]);
}

function usePlaces(awareness: Awareness | null): ReadonlyMap<number, Place> {
  const last = useRef<{ key: string; places: ReadonlyMap<number, Place> }>({
    key: "",
    places: NO_PLACES,
  });
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!awareness) return () => {};
      awareness.on("change", listener);
      return () => awareness.off("change", listener);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!awareness) return NO_PLACES;
    const places = placesOf(awareness.getStates() as Map<number, Record<string, unknown>>);
    // A stable snapshot while nothing changed (useSyncExternalStore compares by identity).
    const key = JSON.stringify([...places]);
    if (key !== last.current.key) last.current = { key, places };
    return last.current.places;
  });
}

export function HistoryPeople({ awareness }: { awareness: Awareness | null }) {
  const peers = usePeers(awareness);
  const places = usePlaces(awareness);
  if (peers.length === 0) return null;
  return (
    <ul
      className="people history-people"
      aria-label="People on this map"
      data-testid="history.people"
    >
      {peers.map((p) => {
        const place = places.get(p.clientId) ?? "board";
        const label = describePlace(p.name, place);
        return (
          <li
            key={p.clientId}
            className="avatar avatar--peer history-peer"
            data-testid="history.peer"
            data-name={p.name}
            data-place={place}
            title={label}
            aria-label={label}
            style={{ background: p.colour }}
          >
            <span aria-hidden="true">{initials(p.name)}</span>
            {place === "history" && (
              <span className="history-peer-badge" aria-hidden="true">
                <History size={10} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
