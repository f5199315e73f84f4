/**
 * On the board: "Ana is presenting · Follow". Following opens presentation mode on the
 * presenter's slide and keeps it there as they move (presenter following for the call).
 */
import { Radio } from "lucide-react";
import type { Awareness } from "y-protocols/awareness";
import { navigate } from "../router.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { readPresenters } from "../sync/presence/presenceState.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import "./PresenterBanner.css";

export function PresenterBanner({
  mapId,
  awareness,
}: {
  mapId: string;
  awareness: Awareness | null;
}) {
  const presenter = usePresence(awareness, readPresenters)[0];
  if (!presenter) return null;
  const href = `/maps/${mapId}/present?follow=${presenter.clientId}`;
  return (
    <div className="presenter-banner" role="status" data-testid="board.presenting">
      <Radio size={16} aria-hidden="true" />
      <Avatar name={presenter.name} colour={presenter.colour} />
      <span>
        <strong>{presenter.name}</strong> is presenting this map
      </span>
      <a
        className="btn btn--primary"
        href={href}
        data-testid="board.follow-presenter"
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        Follow
      </a>
    </div>
  );
}
