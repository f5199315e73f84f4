import { History } from "lucide-react";
import type { Peer } from "../sync/presence/presenceState.ts";
import { initials } from "../ui/initials.ts";
import "../ui/avatar.css";
import "./PeopleHere.css";

export interface PeopleHereProps {
  readonly peers: readonly Peer[];
  readonly following: number | null;
  readonly onFollow: (clientId: number | null) => void;
}

/** "Ana", or "Ana (guest)" for someone who came by a link without an account. */
const who = (p: Peer) => (p.guest ? `${p.name} (guest)` : p.name);

/**
 * Who is here: an avatar per person (a dashed ring marks a guest); click one to follow their view (for presenting). People
 * on the history view carry a clock badge and cannot be followed.
 */
export function PeopleHere({ peers, following, onFollow }: PeopleHereProps) {
  if (peers.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of avatar buttons, not a form
    <div className="people" role="group" aria-label="People on this map">
      {peers.map((p) =>
        p.place === "history" ? (
          // On the history view: nothing to follow there, so not a button.
          <span
            key={p.clientId}
            className={`avatar avatar--peer avatar--away${p.guest ? " avatar--guest" : ""}`}
            data-testid="board.peer"
            data-place="history"
            data-guest={p.guest}
            role="img"
            title={`${who(p)}, in the history`}
            aria-label={`${p.name}, in the history`}
            style={{ background: p.colour }}
          >
            {initials(p.name)}
            <span className="peer-badge" aria-hidden="true">
              <History size={9} />
            </span>
          </span>
        ) : (
          <button
            key={p.clientId}
            type="button"
            className={`avatar avatar--peer${p.guest ? " avatar--guest" : ""}`}
            data-testid="board.peer"
            data-guest={p.guest}
            aria-pressed={following === p.clientId}
            // The full name, not the initials shown, is what a screen reader says (B11).
            aria-label={who(p)}
            title={
              following === p.clientId
                ? `Following ${who(p)} (click to stop)`
                : `${who(p)}: click to follow`
            }
            style={{
              background: p.colour,
              boxShadow:
                following === p.clientId
                  ? `0 0 0 2px var(--surface), 0 0 0 4px ${p.colour}`
                  : undefined,
            }}
            onClick={() => onFollow(following === p.clientId ? null : p.clientId)}
          >
            {initials(p.name)}
          </button>
        ),
      )}
    </div>
  );
}
