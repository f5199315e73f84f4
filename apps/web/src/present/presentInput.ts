/** What the presentation reads from the address and the keyboard, without React or the DOM. */
import { type Move, moveForKey } from "./presenting.ts";

export interface FollowRequest {
  readonly follow: boolean;
  /** Whom to follow; null means whoever presents. */
  readonly clientId: number | null;
}

/** `?follow` follows whoever presents; `?follow=<client id>` that person. */
export function parseFollowRequest(search: string): FollowRequest {
  const value = new URLSearchParams(search).get("follow");
  if (value === null) return { follow: false, clientId: null };
  const id = Number(value);
  return { follow: true, clientId: Number.isSafeInteger(id) && id > 0 ? id : null };
}

export interface PresentKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export type PresentKeyAction = Move | "fullscreen" | "exit";

/**
 * What a key press does on the presentation. Shortcuts with modifiers belong to the browser;
 * Escape in full screen only leaves full screen (the browser does that), not the presentation.
 */
export function presentKeyAction(event: PresentKey, fullscreen: boolean): PresentKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const move = moveForKey(event.key, event.shiftKey);
  if (move) return move;
  if (event.key === "f" || event.key === "F") return "fullscreen";
  if (event.key === "Escape" && !fullscreen) return "exit";
  return null;
}
