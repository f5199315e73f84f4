/**
 * One map's Y.Doc, its IndexedDB copy and its Hocuspocus provider, from opening to closing,
 * and the connection state the UI shows (useMapConnection.ts holds one for as long as a map
 * page is mounted; earlyConnection.ts may open it before the page's code has loaded). The only module that
 * touches the map document's provider or y-indexeddb; the map's talk document (comments and
 * inbox) gets a second provider on the same socket in talk/useTalk.ts.
 *
 * Local-first: the map is kept in IndexedDB, so a map opened before opens with no network and
 * edits made offline survive a reload; when the socket comes back, the provider's sync
 * exchange sends exactly what the server lacks. If IndexedDB fails, the map works online only
 * and the UI says so.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { CLOSE, mapDocumentName, syncUrl } from "@journeymap/protocol";
import { isEmptyMap } from "@journeymap/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { displayName, heldReadOnly, heldRole, rememberReadOnly, tokenFor } from "./tokens.ts";
import { browserKey } from "./browserKey.ts";
import { accessEndedBy, refusalSentence } from "./accessEnded.ts";
import { countEdits } from "./editCounter.ts";
import { presenceWriter } from "./presence/presenceWriter.ts";
import { watchOwnSelection } from "./presence/watchOwnSelection.ts";

/**
 * connecting: the first connection is being made; online: connected; reconnecting: the
 * connection dropped while the browser believes it has a network (server down, proxy cut);
 * offline: the browser has no network; ended: the server ended our access while the map was
 * open (nothing more is saved, see `ended`).
 */
export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline" | "ended";

/** What to show for the provider's socket status, given the browser's network state. */
export function connectionStatus(
  socket: "connecting" | "connected" | "disconnected",
  browserOnline: boolean,
  wasOnline: boolean,
): ConnectionStatus {
  if (socket === "connected") return "online";
  if (!browserOnline) return "offline";
  return wasOnline ? "reconnecting" : "connecting";
}

export interface MapConnection {
  readonly doc: Y.Doc;
  readonly status: ConnectionStatus;
  /** True once the first sync with the server completed: the board can be shown. */
  readonly synced: boolean;
  /** Local updates the server has not confirmed yet (one per keystroke). */
  readonly unsynced: number;
  /** The edits in them, as people count edits (a typing burst in one cell is one). */
  readonly edits: number;
  /** Set when the server refused the map (unknown map, no or revoked link). */
  readonly refused: string | null;
  /**
   * Why our access ended while the map was open (link revoked or expired, removed): the board
   * stays readable and downloadable from the local copy, and nothing more reaches the server.
   */
  readonly ended: string | null;
  /** True when this link only lets us look (viewer, commenter): the UI blocks editing. */
  readonly readOnly: boolean;
  /** The role our link gives on this map, when we know it. */
  readonly role: string | null;
  /** Presence of the people on this map (Yjs awareness over the provider). */
  readonly awareness: Awareness | null;
  /** For Tiptap's collaboration carets, which need the provider itself. */
  readonly provider: HocuspocusProvider | null;
  /** "ready": kept in IndexedDB; "unavailable": IndexedDB failed, online only. */
  readonly offlineCopy: "pending" | "ready" | "unavailable";
}

/**
 * The server closes the socket with this code when it could not save an edit; the edit stays
 * unsaved here. Reconnecting at once re-sends it, so a store that is back (PostgreSQL
 * restarted) saves it within a moment.
 */
const STORE_FAILED_CODE = CLOSE.storeFailed.code;
/** At most one immediate reconnect per this long (ms); after that the provider's backoff applies. */
const FAST_RETRY_INTERVAL_MS = 5000;
/** How often a socket that should be open but is not is told to connect again (ms). */
const RECONNECT_CHECK_MS = 5000;

/** How long to wait for IndexedDB before working online only. */
const LOCAL_OPEN_TIMEOUT_MS = 4000;

/** A connection to `mapId` over `doc` that has not reached the server yet. */
export function connectingTo(mapId: string, doc: Y.Doc): MapConnection {
  return {
    doc,
    status: "connecting",
    synced: false,
    unsynced: 0,
    edits: 0,
    refused: null,
    ended: null,
    readOnly: heldReadOnly(mapId),
    role: heldRole(mapId),
    offlineCopy: "pending",
    awareness: null,
    provider: null,
  };
}

/** An open connection to one map. */
export interface LiveConnection {
  readonly mapId: string;
  /** The connection's state now. */
  current(): MapConnection;
  /** Calls `listener` with every later state; returns the way to stop. */
  watch(listener: (connection: MapConnection) => void): () => void;
  /** Disconnects and lets go of the document, the local copy and the provider. */
  close(): void;
}

/** Opens `mapId`: its local copy and the server at once. */
export function openMapConnection(mapId: string): LiveConnection {
  const doc = new Y.Doc();
  let state = connectingTo(mapId, doc);
  const listeners = new Set<(connection: MapConnection) => void>();
  const update = (patch: Partial<MapConnection>) => {
    // Once access ended, no later socket status may say otherwise.
    state = { ...state, ...patch, ...(state.ended ? { status: "ended" as const } : {}) };
    for (const listener of listeners) listener(state);
  };
  const edits = countEdits(doc, (count) => update({ edits: count }));

  let wasOnline = false;
  let local: IndexeddbPersistence | null = null;
  try {
    local = new IndexeddbPersistence(`journeymap:${mapId}`, doc);
  } catch {
    update({ offlineCopy: "unavailable" });
  }
  const timeout = setTimeout(() => {
    if (state.offlineCopy === "pending") update({ offlineCopy: "unavailable" });
  }, LOCAL_OPEN_TIMEOUT_MS);
  local?.whenSynced.then(
    () => {
      clearTimeout(timeout);
      // A map opened before can be shown from the local copy, before (or without) the server.
      update({ offlineCopy: "ready", ...(isEmptyMap(doc) ? {} : { synced: true }) });
    },
    () => update({ offlineCopy: "unavailable" }),
  );

  const socket = new HocuspocusProviderWebsocket({
    // `key`: who we are to the server on this map (comment authorship, see browserKey.ts).
    url: `${syncUrl(window.location)}?name=${encodeURIComponent(displayName() || "Guest")}&key=${browserKey()}`,
    // Reconnect within a few seconds of the network coming back.
    maxDelay: 5000,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: mapDocumentName(mapId),
    document: doc,
    token: tokenFor(mapId),
    onAuthenticated: ({ scope }) => {
      rememberReadOnly(mapId, scope === "readonly");
      update({ readOnly: scope === "readonly", refused: null });
    },
    onStatus: ({ status }) => {
      const next = connectionStatus(status, navigator.onLine, wasOnline);
      wasOnline ||= next === "online";
      update({ status: next });
    },
    onSynced: () => update({ synced: true }),
    onUnsyncedChanges: ({ number }) => {
      // The server has everything: the edits counted so far are saved.
      if (number === 0) edits.reset();
      update({ unsynced: number });
    },
    // Refused on a reconnect while the board is open: keep it, and say access ended.
    onAuthenticationFailed: ({ reason }) => endAccess(refusalSentence(reason)),
  });
  const endAccess = (why: string) => {
    // Before the first sync there is no board to keep: the map route says it was refused.
    if (!state.synced) return update({ refused: why });
    update({ ended: why, status: "ended" });
    // Stop reconnecting: every attempt would be refused again.
    socket.disconnect();
  };
  let lastFastRetry = Number.NEGATIVE_INFINITY;
  socket.on("disconnect", ({ event }: { event?: CloseEvent }) => {
    // Our access ended (link revoked or expired, removed): say so now, keep the board.
    const ended = accessEndedBy(event?.code, event?.reason);
    if (ended) return endAccess(ended);
    // Our role changed: reconnect at once to open the map with the new one.
    if (event?.code !== STORE_FAILED_CODE && event?.code !== CLOSE.roleChanged.code) return;
    const now = Date.now();
    if (now - lastFastRetry < FAST_RETRY_INTERVAL_MS) return;
    lastFastRetry = now;
    void socket.connect();
  });
  // Opening or closing an editor, or selecting something else, ends an edit (B4).
  const stopWatchingSelection = provider.awareness
    ? watchOwnSelection(provider.awareness, edits.breakEdit)
    : () => {};
  // A provider on an explicit socket must be attached (a shared HocuspocusProviderWebsocket does not attach it).
  provider.attach();
  update({ awareness: provider.awareness, provider });
  // Announce ourselves at once (the initial empty state is not sent until it changes); the
  // server stamps our name and colour on it.
  provider.on("synced", () => presenceWriter(provider.awareness).select(null));
  // Follow the browser's own network state: an open socket can outlive the network, and
  // waiting for it to time out would leave "online" on screen while nothing gets through.
  const goOffline = () => {
    socket.disconnect();
    update({ status: "offline" });
  };
  const goOnline = () => void socket.connect();
  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  if (!navigator.onLine) goOffline();
  // The network came back but the socket is still not open (seen 1 run in 5 on a loaded
  // machine: "Reconnecting…" for good after an offline spell): try again, on a steady beat.
  const stuck = setInterval(() => {
    if (navigator.onLine && state.status === "reconnecting") void socket.connect();
  }, RECONNECT_CHECK_MS);
  return {
    mapId,
    current: () => state,
    watch: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () => {
      listeners.clear();
      clearInterval(stuck);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      clearTimeout(timeout);
      edits.stop();
      stopWatchingSelection();
      provider.destroy();
      socket.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}
