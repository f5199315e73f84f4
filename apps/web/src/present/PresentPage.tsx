/**
 * Presentation mode (/maps/:id/present): the map phase by phase, full screen, in large type.
 * Opened from the board's Present button, this browser presents: the slide it shows goes into
 * awareness. Opened with ?follow (the board's "Follow" banner), it follows the presenter's
 * slide; moving on one's own stops following, and "Follow" resumes. The map stays live: edits
 * made during the talk appear on the slides.
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import { MapRouteGate } from "../board/MapRouteGate.tsx";
import { navigate } from "../router.ts";
import { MapSessionContext, useJourneyMap, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { JourneyStrip } from "./JourneyStrip.tsx";
import { PhaseSlide, TitleSlide } from "./PhaseSlide.tsx";
import { PresentBar } from "./PresentBar.tsx";
import { PresentProgress } from "./PresentProgress.tsx";
import { parseFollowRequest, presentKeyAction } from "./presentInput.ts";
import { phaseSlideContent } from "./slideContent.ts";
import { enterFullscreen, leaveFullscreen, useFullscreen } from "./useFullscreen.ts";
import { usePresentation } from "./usePresentation.ts";
import "./PresentPage.css";

function Presentation({ mapId, awareness }: { mapId: string; awareness: Awareness | null }) {
  const map = useJourneyMap((m) => m);
  const request = useMemo(() => parseFollowRequest(window.location.search), []);
  const state = usePresentation(map, awareness, request);
  const { go, slide } = state;
  const fullscreen = useFullscreen();
  const toggleFullscreen = fullscreen.toggle;

  const exit = useCallback(() => {
    leaveFullscreen();
    navigate(`/maps/${mapId}`);
  }, [mapId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const action = presentKeyAction(event, document.fullscreenElement !== null);
      if (action === "fullscreen") toggleFullscreen();
      else if (action === "exit") exit();
      else if (action) {
        event.preventDefault();
        go(action);
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
    enterFullscreen();
  }, []);

  const content = slide.phaseId ? phaseSlideContent(map, slide.phaseId) : null;
  return (
    <div className="present" data-testid="present" data-mode={state.mode}>
      <PresentBar title={map.meta.title} state={state} fullscreen={fullscreen} onExit={exit} />
      <main className="present-stage">
        {content ? <PhaseSlide content={content} /> : <TitleSlide map={map} />}
      </main>
      <JourneyStrip map={map} phaseId={slide.phaseId} />
      <PresentProgress map={map} slides={state.slides} index={state.index} onGo={go} />
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
  return (
    <MapRouteGate connection={connection} opening="Opening the presentation…">
      {(synced) => <SyncedPresentation mapId={mapId} connection={synced} />}
    </MapRouteGate>
  );
}
