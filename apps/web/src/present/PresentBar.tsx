import { ChevronLeft, ChevronRight, Maximize, Minimize, Radio, X } from "lucide-react";
import { initials } from "../ui/initials.ts";
import { slideLabel } from "./presenting.ts";
import type { PresentationState } from "./usePresentation.ts";

/** The presentation's top bar: the map, where we are, who presents or whom we follow, controls. */
export function PresentBar({
  title,
  state,
  fullscreen,
  onExit,
}: {
  title: string;
  state: PresentationState;
  fullscreen: { on: boolean; toggle: () => void };
  onExit: () => void;
}) {
  const { mode, index, slides, following, presenter, go } = state;
  const followable = presenter && mode !== "follow" ? presenter : null;
  const lost = mode === "follow" && !following;
  const fullscreenLabel = fullscreen.on ? "Leave full screen (F)" : "Full screen (F)";
  return (
    <header className="present-bar">
      <span className="present-map">{title}</span>
      <span className="present-position" data-testid="present.position">
        {slideLabel(index, slides.length)}
      </span>
      <span className="present-status" role="status" data-testid="present.status">
        {mode === "present" && (
          <>
            <Radio size={16} aria-hidden="true" /> Presenting
            {state.watchers > 0 && ` · ${state.watchers} following`}
          </>
        )}
        {following && (
          <>
            <span className="avatar present-avatar" style={{ background: following.colour }}>
              {initials(following.name)}
            </span>
            Following {following.name}
          </>
        )}
        {lost && (state.presenters.length > 0 ? "The presenter left" : "No one is presenting")}
      </span>
      {followable && (
        <button
          type="button"
          className="btn"
          data-testid="present.follow"
          onClick={() => state.follow(followable.clientId)}
        >
          Follow {followable.name}
        </button>
      )}
      {mode === "browse" && !followable && (
        <button
          type="button"
          className="btn"
          data-testid="present.take-over"
          onClick={state.takeOver}
        >
          <Radio size={14} /> Present
        </button>
      )}
      <span className="present-actions">
        <button
          type="button"
          className="icon-btn"
          aria-label="Previous phase"
          data-testid="present.previous"
          disabled={index === 0}
          onClick={() => go("previous")}
        >
          <ChevronLeft size={20} />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Next phase"
          data-testid="present.next"
          disabled={index === slides.length - 1}
          onClick={() => go("next")}
        >
          <ChevronRight size={20} />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={fullscreenLabel}
          title={fullscreenLabel}
          onClick={fullscreen.toggle}
        >
          {fullscreen.on ? <Minimize size={18} /> : <Maximize size={18} />}
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Back to the board (Esc)"
          title="Back to the board (Esc)"
          data-testid="present.exit"
          onClick={onExit}
        >
          <X size={20} />
        </button>
      </span>
    </header>
  );
}
