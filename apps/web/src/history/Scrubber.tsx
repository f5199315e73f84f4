import type { Burst } from "@journeymap/schema";
import { ChevronLeft, ChevronRight, Pause, Play, SkipBack, SkipForward } from "lucide-react";
import type { ReactNode } from "react";
import { GuestMark } from "../ui/GuestMark.tsx";
import { formatWhen } from "./format.ts";
import { guestOf } from "./guestOf.ts";
import { SPEEDS, type StepUnit } from "./playback.ts";
import "./Scrubber.css";

export interface ScrubberProps {
  readonly seq: number;
  readonly total: number;
  readonly burst: Burst | null;
  readonly playing: boolean;
  readonly speed: number;
  readonly loading: boolean;
  readonly onSeek: (seq: number) => void;
  readonly onPlay: (playing: boolean) => void;
  readonly onSpeed: (speed: number) => void;
  readonly onStep: (direction: -1 | 1, unit: StepUnit) => void;
}

export function Scrubber({
  seq,
  total,
  burst,
  playing,
  speed,
  loading,
  onSeek,
  onPlay,
  onSpeed,
  onStep,
}: ScrubberProps) {
  return (
    <div className="scrubber" data-testid="history.scrubber">
      <StepButton label="Previous group of edits" onClick={() => onStep(-1, "burst")}>
        <SkipBack size={16} />
      </StepButton>
      <StepButton label="Previous edit" onClick={() => onStep(-1, "edit")}>
        <ChevronLeft size={16} />
      </StepButton>
      <button
        type="button"
        className="btn btn--primary scrubber-play"
        data-testid="history.play"
        aria-pressed={playing}
        onClick={() => onPlay(!playing)}
      >
        {playing ? <Pause size={15} /> : <Play size={15} />} {playing ? "Pause" : "Play"}
      </button>
      <StepButton label="Next edit" onClick={() => onStep(1, "edit")}>
        <ChevronRight size={16} />
      </StepButton>
      <StepButton label="Next group of edits" onClick={() => onStep(1, "burst")}>
        <SkipForward size={16} />
      </StepButton>
      <label className="scrubber-speed">
        <span className="visually-hidden">Speed</span>
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        className="scrubber-range"
        type="range"
        min={0}
        max={total}
        value={seq}
        aria-label="Moment in the map's history"
        data-testid="history.range"
        onChange={(e) => onSeek(Number(e.target.value))}
      />
      <span className="scrubber-label" aria-live="polite" data-testid="history.position">
        <strong>
          Edit {seq} of {total}
        </strong>
        {burst && (
          <>
            {" · "}
            <span data-testid="history.position-author">
              {burst.origin === "server" ? "Journeymap" : burst.author}
            </span>
            <GuestMark guest={guestOf(burst)} />
            {" · "}
            {formatWhen(burst.endTs)}
          </>
        )}
        {loading && <span className="scrubber-loading"> · loading…</span>}
      </span>
    </div>
  );
}

/** An icon button named for screen readers and, on hover, for everyone. */
function StepButton({
  label,
  onClick,
  children,
}: {
  readonly label: string;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button type="button" className="icon-btn" aria-label={label} title={label} onClick={onClick}>
      {children}
    </button>
  );
}
