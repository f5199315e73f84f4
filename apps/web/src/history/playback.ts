/**
 * The history player's state machine, without React or I/O: where the replay is, whether it
 * plays and how fast, whose edits it steps through. `usePlayback` runs the seeks and timers
 * this decides on; keeping the decisions here lets them be tested without a browser.
 */
import type * as Y from "yjs";
import type { Timeline } from "./HistoryApi.ts";
import { nextEdit, nextStop, previousEdit, previousStop } from "./timelineNav.ts";

export const SPEEDS = [1, 2, 4, 8] as const;
/** Time per step at 1×: long enough to see what each step highlights. */
export const STEP_MS = 1200;
/** A quiet step (nothing in the filtered phase changed) passes this quickly while playing. */
export const QUIET_STEP_MS = 60;

export interface PlaybackState {
  readonly timeline: Timeline | null;
  /** The replayed document and the log row it shows; null until the first seek lands. */
  readonly position: { readonly doc: Y.Doc; readonly seq: number } | null;
  /** A seek is running. */
  readonly loading: boolean;
  readonly playing: boolean;
  readonly speed: number;
  /** Step and play through this person's bursts only (null: everyone's). */
  readonly author: string | null;
}

export type PlaybackAction =
  | { readonly kind: "timeline"; readonly timeline: Timeline }
  | { readonly kind: "seeking" }
  | { readonly kind: "arrived"; readonly doc: Y.Doc; readonly seq: number }
  | { readonly kind: "settled" }
  | { readonly kind: "failed" }
  | { readonly kind: "play"; readonly playing: boolean }
  | { readonly kind: "speed"; readonly speed: number }
  | { readonly kind: "author"; readonly author: string | null };

export const INITIAL_PLAYBACK: PlaybackState = {
  timeline: null,
  position: null,
  loading: false,
  playing: false,
  speed: 1,
  author: null,
};

export function playbackReducer(state: PlaybackState, action: PlaybackAction): PlaybackState {
  switch (action.kind) {
    case "timeline":
      return { ...state, timeline: action.timeline };
    case "seeking":
      return { ...state, loading: true };
    case "arrived":
      return { ...state, position: { doc: action.doc, seq: action.seq } };
    case "settled":
      return { ...state, loading: false };
    case "failed":
      return { ...state, playing: false };
    case "play":
      return { ...state, playing: action.playing };
    case "speed":
      return { ...state, speed: action.speed };
    case "author":
      return { ...state, author: action.author };
  }
}

/** The replay shows the last logged edit (live edits are then followed). */
export function isAtEnd(state: PlaybackState): boolean {
  return !!state.timeline && !!state.position && state.position.seq === state.timeline.seq;
}

/** Whether the replay is at its end, and how many moves the person has made so far. */
export interface FollowCheck {
  readonly atEnd: boolean;
  readonly moves: number;
}

/**
 * After live edits, whether to move to the new last edit once the timeline arrives: only when
 * the replay was at the end when they came, still is, and the person moved nowhere meanwhile.
 * The live map's first sync arrives just after the open now, when people start to scrub:
 * following it then jumped back to the end from a move they had just made.
 */
export function followsLive(asked: FollowCheck, now: FollowCheck): boolean {
  return asked.atEnd && now.atEnd && now.moves === asked.moves;
}

/** Where Play starts: from the beginning when the replay is already at its last stop. */
export function playStart(state: PlaybackState): number | null {
  const { timeline, position, author } = state;
  if (timeline && position && nextStop(timeline.bursts, position.seq, author) === null) return 0;
  return null;
}

/** How far the previous/next buttons move: one edit, or to the end of a burst of edits. */
export type StepUnit = "edit" | "burst";

/** Where the previous/next buttons go, or null when there is nowhere to go. */
export function stepTarget(
  state: PlaybackState,
  direction: -1 | 1,
  unit: StepUnit = "burst",
): number | null {
  const { timeline, position, author } = state;
  if (!timeline || !position) return null;
  const [next, previous] = unit === "edit" ? [nextEdit, previousEdit] : [nextStop, previousStop];
  return direction === 1
    ? next(timeline.bursts, position.seq, author)
    : previous(timeline.bursts, position.seq, author);
}

export type Tick =
  /** Not playing, or waiting for a seek or the timeline: nothing to schedule. */
  | { readonly kind: "idle" }
  /** Played to the end: stop. */
  | { readonly kind: "stop" }
  | { readonly kind: "seek"; readonly seq: number; readonly delayMs: number };

/**
 * The next move while playing: one burst per tick, through the chosen person's bursts only.
 * `quiet` says the current step changed nothing under the phase filter, so it passes quickly.
 */
export function nextTick(state: PlaybackState, quiet: boolean): Tick {
  const { playing, position, loading, timeline, author, speed } = state;
  if (!playing || !position || loading || !timeline) return { kind: "idle" };
  const next = nextStop(timeline.bursts, position.seq, author);
  if (next === null) return { kind: "stop" };
  return { kind: "seek", seq: next, delayMs: quiet ? QUIET_STEP_MS : STEP_MS / speed };
}
