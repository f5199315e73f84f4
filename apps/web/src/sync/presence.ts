/**
 * Presence, typed and small: who is here, what each person has selected, where their pointer
 * and viewport are. Document data never goes into awareness. The server sets `user` (name,
 * colour) on every state, so we only read it; we write selection, cursor and viewport.
 */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";

export type Selection = { readonly kind: "phase" | "touchpoint"; readonly id: string } | null;

export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly colour: string;
  readonly selection: Selection;
  readonly cursor: { readonly x: number; readonly y: number } | null;
  readonly viewport: { readonly left: number; readonly top: number } | null;
}

const NO_PEERS: readonly Peer[] = [];
const HEX = /^#[0-9a-f]{6}$/i;

function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { name?: unknown; colour?: unknown } | undefined;
  if (!user || typeof user.name !== "string") return null; // not yet stamped by the server
  const sel = state.selection as { kind?: unknown; id?: unknown } | null | undefined;
  const cursor = state.cursor as { x?: unknown; y?: unknown } | null | undefined;
  const viewport = state.viewport as { left?: unknown; top?: unknown } | null | undefined;
  return {
    clientId,
    name: user.name.slice(0, 40),
    colour: typeof user.colour === "string" && HEX.test(user.colour) ? user.colour : "#666666",
    selection:
      sel && (sel.kind === "phase" || sel.kind === "touchpoint") && typeof sel.id === "string"
        ? { kind: sel.kind, id: sel.id }
        : null,
    cursor:
      cursor && typeof cursor.x === "number" && typeof cursor.y === "number"
        ? { x: cursor.x, y: cursor.y }
        : null,
    viewport:
      viewport && typeof viewport.left === "number" && typeof viewport.top === "number"
        ? { left: viewport.left, top: viewport.top }
        : null,
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
