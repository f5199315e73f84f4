import type { Peer } from "../sync/presence/presenceState.ts";
import { initials } from "../ui/initials.ts";
import "../ui/avatar.css";
import "./FollowingBar.css";

/** Follow mode: whom we follow, and a way out; a pill at the bottom, outside the scrolling area. */
export function FollowingBar({ following, onStop }: { following: Peer; onStop: () => void }) {
  return (
    <div className="following-bar" role="status" data-testid="board.following">
      <span className="avatar" style={{ background: following.colour }} aria-hidden="true">
        {initials(following.name)}
      </span>
      Following {following.name}
      <button type="button" className="btn btn--ghost" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
