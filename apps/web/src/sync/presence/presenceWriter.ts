/**
 * The one writer of our own presence. What moves with the mouse (pointer, viewport, a curve
 * drag) is throttled, so a pointer move is not a message; the rest is written as it happens.
 * Every call is a no-op without awareness (a page that has not connected yet).
 */
import type { Awareness } from "y-protocols/awareness";
import {
  FIELD,
  MAX_REMOVED,
  type Place,
  type PointDrag,
  type Selection,
  toWireSelection,
  type Viewport,
} from "./presenceState.ts";

/** Throttles calls to at most one per `ms`, always delivering the latest value. */
export function throttle<T>(fn: (value: T) => void, ms: number): (value: T) => void {
  let last = 0;
  let pending: T | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (value: T) => {
    pending = value;
    const wait = last + ms - Date.now();
    if (wait <= 0) {
      last = Date.now();
      fn(value);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        fn(pending as T);
      }, wait);
    }
  };
}

export interface PresenceWriter {
  readonly select: (selection: Selection) => void;
  /** Keeps the selection, no longer marked as being edited (focus left it). */
  readonly stopEditing: () => void;
  readonly pointer: (pointer: { x: number; y: number } | null) => void;
  readonly viewport: (viewport: Viewport) => void;
  readonly drag: (drag: PointDrag | null) => void;
  /** Where we are: only the history is announced, the board is where anyone unmarked is. */
  readonly place: (place: Place) => void;
  /** The slide we present, or null when we do not. */
  readonly presenting: (slide: string | null) => void;
  /** The client id of the presenter we follow, or null. */
  readonly watching: (clientId: number | null) => void;
  /** The element keys of what we just deleted (replacing the previous announcement). */
  readonly removed: (keys: readonly string[]) => void;
}

export function presenceWriter(awareness: Awareness | null): PresenceWriter {
  const set = (field: string, value: unknown) => awareness?.setLocalStateField(field, value);
  return {
    select: (selection) => set(FIELD.selection, toWireSelection(selection)),
    stopEditing: () => {
      const current = awareness?.getLocalState()?.[FIELD.selection] as
        | { editing?: unknown }
        | null
        | undefined;
      if (current?.editing) set(FIELD.selection, { ...current, editing: false });
    },
    pointer: throttle((pointer) => set(FIELD.pointer, pointer), 50),
    viewport: throttle((viewport) => set(FIELD.viewport, viewport), 100),
    drag: throttle((drag) => set(FIELD.drag, drag), 50),
    place: (place) => set(FIELD.place, place === "history" ? "history" : null),
    presenting: (slide) => set(FIELD.presenting, slide === null ? null : { slide }),
    watching: (clientId) => set(FIELD.watching, clientId),
    removed: (keys) => set(FIELD.removed, keys.slice(0, MAX_REMOVED)),
  };
}
