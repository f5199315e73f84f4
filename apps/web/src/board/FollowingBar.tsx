import type { Peer } from "../sync/presence/presenceState.ts";
import { Avatar } from "../ui/Avatar.tsx";
import "./FollowingBar.css";

/** Follow mode: whom we follow, and a way out; a pill at the bottom, outside the scrolling area. */
export function FollowingBar({ following, onStop }: { following: Peer; onStop: () => void }) {
  return (
    <div className="following-bar" role="status" data-testid="board.following">
      <Avatar name={following.name} colour={following.colour} />
      Following {following.name}
      <button type="button" className="btn btn--ghost" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
