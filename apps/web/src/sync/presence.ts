/**
 * Presence, typed and small: who is here, what each person has selected, where their pointer
 * and viewport are. Document data never goes into awareness. The server sets `user` (name,
 * colour) on every state, so we only read it; we write selection, pointer, viewport and drag.
 * The pointer is not called `cursor`: y-prosemirror's carets own that field (anchor/head) and
 * crash on anything else in it.
 */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";

/** What can be selected, named as in `data-presence="<kind>:<id>"` on the board. */
export const SELECTION_KINDS = ["phase", "touchpoint", "card", "cell", "point"] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];

/**
 * What someone has selected: a phase, touchpoint, card, cell (id = its cell root name) or curve
 * point (id = emotionKey). `editing` is true while they type into it.
 */
export type Selection = {
  readonly kind: SelectionKind;
  readonly id: string;
  readonly editing: boolean;
} | null;

/** A curve point being dragged: live for others, written to the map once on release. */
export interface PointDrag {
  readonly personaId: string;
  readonly touchpointId: string;
  readonly score: number;
}

export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly colour: string;
  readonly selection: Selection;
  readonly pointer: { readonly x: number; readonly y: number } | null;
  readonly viewport: { readonly left: number; readonly top: number } | null;
  readonly drag: PointDrag | null;
  /** "history" while they are on the map's history view (no viewport to follow there). */
  readonly place: "board" | "history";
}

const NO_PEERS: readonly Peer[] = [];
const HEX = /^#[0-9a-f]{6}$/i;

const MAX_ID = 200;

function readSelection(raw: unknown): Selection {
  const sel = raw as { kind?: unknown; id?: unknown; editing?: unknown } | null | undefined;
  if (!sel || typeof sel.id !== "string" || sel.id.length > MAX_ID) return null;
  const kind = SELECTION_KINDS.find((k) => k === sel.kind);
  return kind ? { kind, id: sel.id, editing: sel.editing === true } : null;
}

function readDrag(raw: unknown): PointDrag | null {
  const drag = raw as Partial<Record<keyof PointDrag, unknown>> | null | undefined;
  if (
    !drag ||
    typeof drag.personaId !== "string" ||
    typeof drag.touchpointId !== "string" ||
    typeof drag.score !== "number" ||
    !Number.isFinite(drag.score)
  )
    return null;
  return {
    personaId: drag.personaId.slice(0, MAX_ID),
    touchpointId: drag.touchpointId.slice(0, MAX_ID),
    score: drag.score,
  };
}

/** The selection key used by `data-presence` attributes. */
export function presenceKey(kind: SelectionKind, id: string): string {
  return `${kind}:${id}`;
}

function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { name?: unknown; colour?: unknown } | undefined;
  if (!user || typeof user.name !== "string") return null; // not yet stamped by the server
  const pointer = state.pointer as { x?: unknown; y?: unknown } | null | undefined;
  const viewport = state.viewport as { left?: unknown; top?: unknown } | null | undefined;
  return {
    clientId,
    name: user.name.slice(0, 40),
    colour: typeof user.colour === "string" && HEX.test(user.colour) ? user.colour : "#666666",
    selection: readSelection(state.selection),
    pointer:
      pointer && typeof pointer.x === "number" && typeof pointer.y === "number"
        ? { x: pointer.x, y: pointer.y }
        : null,
    viewport:
      viewport && typeof viewport.left === "number" && typeof viewport.top === "number"
        ? { left: viewport.left, top: viewport.top }
        : null,
    drag: readDrag(state.drag),
    place: state.place === "history" ? "history" : "board",
  };
}

/** Everyone else on the map, re-read when awareness changes. */
export function usePeers(awareness: Awareness | null): readonly Peer[] {
  const last = useRef<{ key: string; peers: readonly Peer[] }>({ key: "", peers: NO_PEERS });
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!awareness) return () => {};
      awareness.on("change", listener);
      return () => awareness.off("change", listener);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!awareness) return NO_PEERS;
    const peers: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const peer = readPeer(clientId, state as Record<string, unknown>);
      if (peer) peers.push(peer);
    }
    // A stable snapshot while nothing changed (useSyncExternalStore compares by identity).
    const key = JSON.stringify(peers);
    if (key !== last.current.key) last.current = { key, peers };
    return last.current.peers;
  });
}

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

/** Writes one's own pointer, viewport and curve drag into awareness, throttled. */
export interface PresencePublisher {
  readonly pointer: (pointer: { x: number; y: number } | null) => void;
  readonly viewport: (viewport: { left: number; top: number }) => void;
  readonly drag: (drag: PointDrag | null) => void;
}

export function presencePublisher(awareness: Awareness | null): PresencePublisher {
  return {
    pointer: throttle((pointer) => awareness?.setLocalStateField("pointer", pointer), 50),
    viewport: throttle((viewport) => awareness?.setLocalStateField("viewport", viewport), 100),
    drag: throttle((drag) => awareness?.setLocalStateField("drag", drag), 50),
  };
}
