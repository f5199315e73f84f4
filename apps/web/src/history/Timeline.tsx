import type { Burst } from "@journeymap/schema";
import { Server } from "lucide-react";
import { initials } from "../ui/initials.ts";
import { formatBytes, formatWhen, plural } from "./format.ts";

export interface TimelineProps {
  readonly bursts: readonly Burst[];
  readonly current: Burst | null;
  readonly onSeek: (seq: number) => void;
}

/** Bursts newest first: who, when, how much. Click one to see the board after it. */
export function Timeline({ bursts, current, onSeek }: TimelineProps) {
  if (bursts.length === 0) return <p className="history-empty">No edits by this person.</p>;
  return (
    <ol className="burst-list" data-testid="history.timeline">
      {[...bursts].reverse().map((b) => (
        <li key={b.fromSeq}>
          <button
            type="button"
            className={`burst ${b === current ? "burst--current" : ""}`}
            aria-current={b === current ? "step" : undefined}
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
              </span>
              <span className="burst-meta">
                {formatWhen(b.startTs)} · {plural(b.count, "edit")} · {formatBytes(b.bytes)}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
