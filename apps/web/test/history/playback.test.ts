import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  followsLive,
  INITIAL_PLAYBACK,
  isAtEnd,
  nextTick,
  type PlaybackAction,
  type PlaybackState,
  playbackReducer,
  playStart,
  QUIET_STEP_MS,
  STEP_MS,
  stepTarget,
} from "../../src/history/playback.ts";
import { BURSTS } from "../support/burstFixture.ts";

const doc = new Y.Doc();
const timeline = { seq: 9, bursts: BURSTS };

function run(...actions: PlaybackAction[]): PlaybackState {
  return actions.reduce(playbackReducer, INITIAL_PLAYBACK);
}

/** Opened, with the replay at `seq`. */
const at = (seq: number, more: Partial<PlaybackState> = {}): PlaybackState => ({
  ...run({ kind: "timeline", timeline }, { kind: "arrived", doc, seq }),
  ...more,
});

describe("history playback", () => {
  it("starts paused at 1× with nothing loaded, and shows loading only while a seek runs", () => {
    expect(INITIAL_PLAYBACK).toMatchObject({ timeline: null, position: null, playing: false });
    expect(INITIAL_PLAYBACK.speed).toBe(1);
    const seeking = run({ kind: "seeking" });
    expect(seeking.loading).toBe(true);
    expect(playbackReducer(seeking, { kind: "settled" }).loading).toBe(false);
  });

  it("a failed seek stops the player", () => {
    const playing = run({ kind: "play", playing: true });
    expect(playbackReducer(playing, { kind: "failed" }).playing).toBe(false);
  });

  it("is at the end when the replay shows the timeline's last row", () => {
    expect(isAtEnd(INITIAL_PLAYBACK)).toBe(false);
    expect(isAtEnd(at(9))).toBe(true);
    expect(isAtEnd(at(5))).toBe(false);
  });

  it("plays from the beginning when already at the last stop, else from where it is", () => {
    expect(playStart(at(9))).toBe(0);
    expect(playStart(at(5))).toBeNull();
    // Through Ben's bursts only, nothing follows row 6.
    expect(playStart(at(6, { author: "Ben" }))).toBe(0);
    expect(playStart(INITIAL_PLAYBACK)).toBeNull();
  });

  it("steps to the next and previous stop of the chosen person", () => {
    expect(stepTarget(at(5), 1)).toBe(6);
    expect(stepTarget(at(5, { author: "Ana" }), 1)).toBe(9);
    expect(stepTarget(at(9), 1)).toBeNull();
    expect(stepTarget(at(9, { author: "Ana" }), -1)).toBe(5);
    expect(stepTarget(at(1), -1)).toBe(0);
    expect(stepTarget(INITIAL_PLAYBACK, 1)).toBeNull();
    // Issue 16, R3: edit by edit too, inside a burst.
    expect(stepTarget(at(3), 1, "edit")).toBe(4);
    expect(stepTarget(at(3), -1, "edit")).toBe(2);
    expect(stepTarget(at(5, { author: "Ana" }), 1, "edit")).toBe(7);
  });

  it("ticks one burst at a time while playing, faster at higher speeds and on quiet steps", () => {
    expect(nextTick(at(5), false)).toEqual({ kind: "idle" });
    expect(nextTick(at(5, { playing: true, loading: true }), false)).toEqual({ kind: "idle" });
    expect(nextTick(at(5, { playing: true }), false)).toEqual({
      kind: "seek",
      seq: 6,
      delayMs: STEP_MS,
    });
    expect(nextTick(at(5, { playing: true, speed: 4 }), false)).toMatchObject({
      delayMs: STEP_MS / 4,
    });
    expect(nextTick(at(5, { playing: true, speed: 4 }), true)).toMatchObject({
      delayMs: QUIET_STEP_MS,
    });
    expect(nextTick(at(9, { playing: true }), false)).toEqual({ kind: "stop" });
  });

  it("keeps the speed and the person filter", () => {
    const state = run({ kind: "speed", speed: 8 }, { kind: "author", author: "Ben" });
    expect(state).toMatchObject({ speed: 8, author: "Ben" });
  });

  it("follows live edits only when still at the end and not moved by hand meanwhile", () => {
    const asked = { atEnd: true, moves: 3 };
    expect(followsLive(asked, { atEnd: true, moves: 3 })).toBe(true);
    // The live map's first sync came as the person stepped back: their move stands.
    expect(followsLive(asked, { atEnd: true, moves: 4 })).toBe(false);
    expect(followsLive(asked, { atEnd: false, moves: 3 })).toBe(false);
    expect(followsLive({ atEnd: false, moves: 3 }, { atEnd: true, moves: 3 })).toBe(false);
  });
});
