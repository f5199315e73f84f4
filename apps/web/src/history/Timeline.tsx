import type { Burst } from "@journeymap/schema";
import { Server } from "lucide-react";
import { memo } from "react";
import { GuestMark } from "../ui/GuestMark.tsx";
import { initials } from "../ui/initials.ts";
import { formatWhen, plural } from "./format.ts";
import { guestOf } from "./guestOf.ts";
import "../ui/avatar.css";
import "./historySections.css";
import "./Timeline.css";

export interface TimelineProps {
  readonly bursts: readonly Burst[];
  readonly current: Burst | null;
  readonly onSeek: (seq: number) => void;
}

/**
 * Bursts newest first: who, when, how much. Click one to see the board after it. Each burst
 * is memoized: a scrubber move re-renders only the bursts whose "current" mark changed, not
 * a list that grows with the log.
 */
export function Timeline({ bursts, current, onSeek }: TimelineProps) {
  if (bursts.length === 0) return <p className="history-empty">No edits match the filters.</p>;
  const items = [];
  for (let i = bursts.length - 1; i >= 0; i--) {
    const b = bursts[i]!;
    items.push(<BurstItem key={b.fromSeq} burst={b} current={b === current} onSeek={onSeek} />);
  }
  return (
    <ol className="row-list burst-list" data-testid="history.timeline">
      {items}
    </ol>
  );
}

const BurstItem = memo(function BurstItem({
  burst: b,
  current,
  onSeek,
}: {
  readonly burst: Burst;
  readonly current: boolean;
  readonly onSeek: (seq: number) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className={`burst ${current ? "burst--current" : ""}`}
        aria-current={current ? "step" : undefined}
        data-testid="history.burst"
        data-author={b.author}
        onClick={() => onSeek(b.toSeq)}
      >
        <span className="avatar burst-avatar" aria-hidden="true">
          {b.origin === "server" ? <Server size={12} /> : initials(b.author)}
        </span>
        <span className="burst-main">
          <span className="burst-author">
            {b.origin === "server" ? "Journeymap" : b.author || "Someone"}
            <GuestMark guest={guestOf(b)} />
          </span>
          <span className="burst-meta">
            {formatWhen(b.startTs)} · {plural(b.count, "edit")}
          </span>
        </span>
      </button>
    </li>
  );
});
