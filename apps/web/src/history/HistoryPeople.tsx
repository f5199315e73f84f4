/**
 * Who else is on this map, shown on the history view like the board header shows it: one
 * avatar per person with the name and colour the server set, and where they are (on the board
 * or in the history too). The page joins the map's awareness read-only: it announces only
 * that it is in the history, never a selection, pointer or viewport.
 */
import { History } from "lucide-react";
import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import { readPeers } from "../sync/presence/presenceState.ts";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import { initials } from "../ui/initials.ts";
import { describePlace } from "./places.ts";
import "../ui/avatar.css";
import "../board/PeopleHere.css";
import "./HistoryPeople.css";

/** Marks this page's presence as being in the history, for as long as it is mounted. */
export function useInHistory(awareness: Awareness | null): void {
  useEffect(() => {
    const publish = presenceWriter(awareness);
    publish.select(null);
    publish.place("history");
    return () => publish.place("board");
  }, [awareness]);
}

export function HistoryPeople({ awareness }: { awareness: Awareness | null }) {
  const peers = usePresence(awareness, readPeers);
  if (peers.length === 0) return null;
  return (
    <ul
      className="people history-people"
      aria-label="People on this map"
      data-testid="history.people"
    >
      {peers.map((p) => {
        const place = p.place;
        const label = describePlace(p.name, place);
        return (
          <li
            key={p.clientId}
            className={`avatar avatar--peer history-peer${p.guest ? " avatar--guest" : ""}`}
            data-testid="history.peer"
            data-name={p.name}
            data-guest={p.guest}
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
