/**
 * The playback controller of the history view: loads the timeline, runs the player's seeks
 * (coalesced), follows live edits while at the end, and plays burst by burst. The decisions
 * are `playback.ts`'s; this hook owns the I/O and the timers.
 */
import type { Burst } from "@journeymap/schema";
import { useCallback, useEffect, useReducer, useRef } from "react";
import type * as Y from "yjs";
import type { HistoryApi } from "./HistoryApi.ts";
import type { MapVisit } from "./replayCore.ts";
import {
  followsLive,
  INITIAL_PLAYBACK,
  isAtEnd,
  nextTick,
  type PlaybackState,
  playbackReducer,
  playStart,
  type StepUnit,
  stepTarget,
} from "./playback.ts";

/** How long after a live edit the timeline is fetched again. */
const REFRESH_MS = 1500;

/** What moves the shown document to a moment (the replay worker's page side). */
export interface Replay {
  seek(target: number, visit?: MapVisit): Promise<{ readonly doc: Y.Doc; readonly seq: number }>;
}

export interface PlaybackOptions {
  readonly api: HistoryApi;
  readonly player: Replay;
  /** The live map: its edits extend the timeline. */
  readonly live: Y.Doc;
  /** The shown step changed nothing under the phase filter: playing passes it quickly. */
  readonly quiet: boolean;
  readonly onError: (message: string) => void;
  /** A moment to look at on the way to `target` (the map before the edit shown there). */
  readonly visit?: (target: number, bursts: readonly Burst[]) => MapVisit | undefined;
}

export interface Playback {
  readonly state: PlaybackState;
  /** A person's own move: stops the player (stable, so memoized timeline items keep still). */
  readonly seekByHand: (seq: number) => void;
  readonly play: (on: boolean) => void;
  readonly stepBy: (direction: -1 | 1, unit: StepUnit) => void;
  readonly setSpeed: (speed: number) => void;
  readonly setAuthor: (author: string | null) => void;
}

export function usePlayback({
  api,
  player,
  live,
  quiet,
  onError,
  visit,
}: PlaybackOptions): Playback {
  const [state, dispatch] = useReducer(playbackReducer, INITIAL_PLAYBACK);
  const reportError = useRef(onError);
  reportError.current = onError;
  const visitRef = useRef(visit);
  visitRef.current = visit;
  // The bursts seeks look at (set before the first seek, which runs before a re-render).
  const bursts = useRef<readonly Burst[]>([]);
  bursts.current = state.timeline?.bursts ?? bursts.current;

  // Seeks coalesce: while one runs, only the latest wanted position is kept.
  const wanted = useRef<number | null>(null);
  const busy = useRef(false);
  const seek = useCallback(
    (seq: number) => {
      wanted.current = seq;
      if (busy.current) return;
      busy.current = true;
      dispatch({ kind: "seeking" });
      void (async () => {
        try {
          while (wanted.current !== null) {
            const target = wanted.current;
            wanted.current = null;
            const at = await player.seek(target, visitRef.current?.(target, bursts.current));
            dispatch({ kind: "arrived", doc: at.doc, seq: at.seq });
          }
        } catch (e) {
          reportError.current((e as Error).message);
          dispatch({ kind: "failed" });
        } finally {
          busy.current = false;
          dispatch({ kind: "settled" });
        }
      })();
    },
    [player],
  );

  // Open: the timeline, then the board as it is at the last logged edit.
  useEffect(() => {
    api.timeline().then(
      (timeline) => {
        dispatch({ kind: "timeline", timeline });
        bursts.current = timeline.bursts;
        seek(timeline.seq);
      },
      (e: Error) => reportError.current(e.message),
    );
  }, [api, seek]);

  // Live edits (anyone's, restores included) extend the timeline; follow them when at the end.
  const atEnd = useRef(true);
  atEnd.current = isAtEnd(state);
  // The person's own moves (seek, step, play), counted.
  const moves = useRef(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => ({ atEnd: atEnd.current, moves: moves.current });
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const asked = check();
        api.timeline().then(
          (timeline) => {
            dispatch({ kind: "timeline", timeline });
            bursts.current = timeline.bursts;
            if (followsLive(asked, check())) seek(timeline.seq);
          },
          () => {},
        );
      }, REFRESH_MS);
    };
    live.on("update", refresh);
    return () => {
      clearTimeout(timer);
      live.off("update", refresh);
    };
  }, [live, api, seek]);

  // Play: one burst per tick.
  const { playing, position, loading, timeline, author, speed } = state;
  useEffect(() => {
    const tick = nextTick({ playing, position, loading, timeline, author, speed }, quiet);
    if (tick.kind === "stop") dispatch({ kind: "play", playing: false });
    if (tick.kind !== "seek") return;
    const timer = setTimeout(() => seek(tick.seq), tick.delayMs);
    return () => clearTimeout(timer);
  }, [playing, position, loading, timeline, author, speed, quiet, seek]);

  const seekByHand = useCallback(
    (seq: number) => {
      moves.current++;
      dispatch({ kind: "play", playing: false });
      seek(seq);
    },
    [seek],
  );

  const play = (on: boolean) => {
    moves.current++;
    const start = on ? playStart(state) : null;
    if (start !== null) seek(start); // at the end: play from the beginning
    dispatch({ kind: "play", playing: on });
  };

  const stepBy = (direction: -1 | 1, unit: StepUnit) => {
    if (!state.timeline || !state.position) return;
    moves.current++;
    dispatch({ kind: "play", playing: false });
    const target = stepTarget(state, direction, unit);
    if (target !== null) seek(target);
  };

  return {
    state,
    seekByHand,
    play,
    stepBy,
    setSpeed: (speed) => dispatch({ kind: "speed", speed }),
    setAuthor: (author) => dispatch({ kind: "author", author }),
  };
}
