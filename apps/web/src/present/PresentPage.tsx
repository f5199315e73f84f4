/**
 * Presentation mode (/maps/:id/present): the map phase by phase, full screen, in large type.
 * Opened from the board's Present button, this browser presents: the slide it shows goes into
 * awareness. Opened with ?follow (the board's "Follow" banner), it follows the presenter's
 * slide; moving on one's own stops following, and "Follow" resumes. The map stays live: edits
 * made during the talk appear on the slides.
 */
import { ChevronLeft, ChevronRight, Maximize, Minimize, Radio, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { navigate } from "../router.ts";
import { countWatchers, readPresenters } from "../sync/presence/presenceState.ts";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import { MapSessionContext, useJourneyMap, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { initials } from "../ui/initials.ts";
import { JourneyStrip } from "./JourneyStrip.tsx";
import { PhaseSlide, TitleSlide } from "./PhaseSlide.tsx";
import {
  type Move,
  moveForKey,
  moveSlide,
  slideIndex,
  slideLabel,
  slidesOf,
  TITLE_SLIDE,
} from "./presenting.ts";
import { phaseSlideContent } from "./slideContent.ts";
import "./PresentPage.css";

type Mode = "present" | "follow" | "browse";

/** `?follow` follows whoever presents; `?follow=<client id>` that person. */
function followRequest(): { follow: boolean; clientId: number | null } {
  const value = new URLSearchParams(window.location.search).get("follow");
  if (value === null) return { follow: false, clientId: null };
  const id = Number(value);
  return { follow: true, clientId: Number.isSafeInteger(id) && id > 0 ? id : null };
}

function useFullscreen(): { on: boolean; toggle: () => void } {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  const toggle = useCallback(() => {
    // Browsers refuse without a recent click or key press; the button is always there.
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);
  return { on, toggle };
}

function Presentation({ mapId, awareness }: { mapId: string; awareness: Awareness | null }) {
  const map = useJourneyMap((m) => m);
  const slides = useMemo(() => slidesOf(map), [map]);
  const request = useMemo(followRequest, []);
  const [mode, setMode] = useState<Mode>(request.follow ? "follow" : "present");
  const [followId, setFollowId] = useState<number | null>(request.clientId);
  const [ownKey, setOwnKey] = useState<string>(TITLE_SLIDE);
  // Where we were, for when the slide on screen disappears (its phase deleted mid-talk).
  const lastIndex = useRef(0);
  const presenters = usePresence(awareness, readPresenters);
  const watchers = usePresence(awareness, countWatchers);
  const presenter =
    presenters.find((p) => p.clientId === followId) ??
    (followId === null ? (presenters[0] ?? null) : null);
  const following = mode === "follow" ? presenter : null;
  const index = slideIndex(slides, following ? following.slide : ownKey, lastIndex.current);
  lastIndex.current = index;
  const slide = slides[index]!;
  const fullscreen = useFullscreen();
  const toggleFullscreen = fullscreen.toggle;

  // Following: keep our own position on the presenter's, so we stay put if they leave.
  useEffect(() => {
    if (following) setOwnKey(following.slide);
  }, [following]);

  // What others see of us: the slide we present, or whom we follow.
  const publish = useMemo(() => presenceWriter(awareness), [awareness]);
  useEffect(() => {
    publish.presenting(mode === "present" ? slide.key : null);
    publish.watching(following ? following.clientId : null);
  }, [publish, mode, slide.key, following]);
  useEffect(
    () => () => {
      publish.presenting(null);
      publish.watching(null);
    },
    [publish],
  );

  const go = useCallback(
    (move: Move | number) => {
      const next = typeof move === "number" ? move : moveSlide(index, move, slides.length);
      // Moving on one's own leaves follow mode (as scrolling does on the board).
      if (mode === "follow") setMode("browse");
      setOwnKey(slides[next]!.key);
    },
    [index, slides, mode],
  );
  const exit = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    navigate(`/maps/${mapId}`);
  }, [mapId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const move = moveForKey(event.key, event.shiftKey);
      if (move) {
        event.preventDefault();
        go(move);
      } else if (event.key === "f" || event.key === "F") {
        toggleFullscreen();
      } else if (event.key === "Escape" && !document.fullscreenElement) {
        exit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, exit, toggleFullscreen]);

  // The presenter starts full screen: the Present click is a fresh user gesture.
  const wantsFullscreen = useRef(!request.follow);
  useEffect(() => {
    if (!wantsFullscreen.current) return;
    wantsFullscreen.current = false;
    if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);

  const content = slide.phaseId ? phaseSlideContent(map, slide.phaseId) : null;
  const followable = presenter && mode !== "follow" ? presenter : null;
  const lost = mode === "follow" && !following;

  return (
    <div className="present" data-testid="present" data-mode={mode}>
      <header className="present-bar">
        <span className="present-map">{map.meta.title}</span>
        <span className="present-position" data-testid="present.position">
          {slideLabel(index, slides.length)}
        </span>
        <span className="present-status" role="status" data-testid="present.status">
          {mode === "present" && (
            <>
              <Radio size={16} aria-hidden="true" /> Presenting
              {watchers > 0 && ` · ${watchers} following`}
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
          {lost && (presenters.length > 0 ? "The presenter left" : "No one is presenting")}
        </span>
        {followable && (
          <button
            type="button"
            className="btn"
            data-testid="present.follow"
            onClick={() => {
              setFollowId(followable.clientId);
              setMode("follow");
            }}
          >
            Follow {followable.name}
          </button>
        )}
        {mode === "browse" && !followable && (
          <button
            type="button"
            className="btn"
            data-testid="present.take-over"
            onClick={() => setMode("present")}
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
            aria-label={fullscreen.on ? "Leave full screen (F)" : "Full screen (F)"}
            title={fullscreen.on ? "Leave full screen (F)" : "Full screen (F)"}
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
            onClick={exit}
          >
            <X size={20} />
          </button>
        </span>
      </header>
      <main className="present-stage">
        {content ? <PhaseSlide content={content} /> : <TitleSlide map={map} />}
      </main>
      <JourneyStrip map={map} phaseId={slide.phaseId} />
      <nav className="present-progress" aria-label="Phases">
        {slides.map((s, i) => {
          const phase = map.phases.find((p) => p.id === s.phaseId);
          return (
            <button
              key={s.key}
              type="button"
              className="present-dot"
              aria-current={i === index ? "step" : undefined}
              aria-label={phase ? phase.name : "Overview"}
              title={phase ? phase.name : "Overview"}
              style={phase ? ({ "--phase-colour": phase.colour } as React.CSSProperties) : {}}
              onClick={() => go(i)}
            />
          );
        })}
      </nav>
    </div>
  );
}

function SyncedPresentation({ mapId, connection }: { mapId: string; connection: MapConnection }) {
  const session = useMapSessionFor(connection.doc, connection.readOnly);
  return (
    <MapSessionContext.Provider value={session}>
      <Presentation mapId={mapId} awareness={connection.awareness} />
    </MapSessionContext.Provider>
  );
}

/** The route: the same connection as the board (own link, offline copy, presence). */
export default function PresentPage({ mapId }: { mapId: string }) {
  const connection = useMapConnection(mapId);
  if (!connection) return null;
  if (connection.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          <strong>This map cannot be opened.</strong> {connection.refused} <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  if (!connection.synced) {
    return (
      <div className="page" aria-busy="true">
        <p className="page-lede">Opening the presentation…</p>
      </div>
    );
  }
  return <SyncedPresentation mapId={mapId} connection={connection} />;
}
