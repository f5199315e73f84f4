import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { JourneyMap } from "@journeymap/schema";
import { countWatchers, readPresenters } from "../sync/presence/presenceState.ts";
import { presenceWriter } from "../sync/presence/presenceWriter.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import type { FollowRequest } from "./presentInput.ts";
import { type Move, moveSlide, slideIndex, slidesOf, TITLE_SLIDE } from "./presenting.ts";

export type PresentMode = "present" | "follow" | "browse";

/**
 * Which slide the presentation shows and why: our own (presenting or browsing) or the
 * presenter's we follow. Publishes to presence what others see of us.
 */
export function usePresentation(
  map: JourneyMap,
  awareness: Awareness | null,
  request: FollowRequest,
) {
  const slides = useMemo(() => slidesOf(map), [map]);
  const [mode, setMode] = useState<PresentMode>(request.follow ? "follow" : "present");
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
  const follow = useCallback((clientId: number) => {
    setFollowId(clientId);
    setMode("follow");
  }, []);
  const takeOver = useCallback(() => setMode("present"), []);

  return {
    slides,
    index,
    slide,
    mode,
    presenters,
    presenter,
    following,
    watchers,
    go,
    follow,
    takeOver,
  };
}

export type PresentationState = ReturnType<typeof usePresentation>;
