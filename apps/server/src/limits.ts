import { CLOSE, type CloseReason } from "@journeymap/protocol";

/**
 * Limits of the sync endpoint, with their units and why. One place, so the
 * server, its tests and its docs agree.
 */

/** Largest WebSocket frame (bytes). Bigger frames close the socket with 1009 (ws does it). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
/** Largest Yjs update in one sync message (bytes): a 5 MB map fits; a 50 MB paste does not. */
export const MAX_UPDATE_BYTES = 6 * 1024 * 1024;
/** Deepest nesting of JSON values inside an update: real maps use 3; recursion bombs use 10k. */
export const MAX_VALUE_DEPTH = 32;
/** Per socket: sustained messages per second, and the burst a client may send at once. */
export const MESSAGE_RATE_PER_SECOND = 200;
export const MESSAGE_BURST = 1000;
/**
 * A socket must authenticate a document within this time (ms) or it is closed; so must every
 * document it sends messages for (Hocuspocus holds those messages until then). A real client
 * authenticates within a round trip; a short deadline frees an idle flood's slots sooner.
 */
export const AUTH_TIMEOUT_MS = 10_000;
/**
 * Sockets that have not authenticated yet, in total and per client address. When full, the
 * oldest waiting socket is closed to make room (CLOSE.displaced): a real client authenticates
 * within a round trip, so a flood of idle sockets cannot keep it out, even behind a proxy.
 */
export const MAX_UNAUTHENTICATED_CONNECTIONS = 500;
export const MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS = 20;
/**
 * Bytes one socket may send for documents it has not authenticated (Hocuspocus keeps them in
 * memory until it does; its own cap is 5 MiB). A real client sends its state vector and its
 * presence before the answer, a few KB; a closed client loses nothing (it re-syncs).
 */
export const MAX_UNAUTHENTICATED_BYTES = 1024 * 1024;
/** Largest awareness state of one client (bytes of JSON): real ones are well under 1 KB. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;
/**
 * Awareness client ids one connection may announce in a document: a real client has one (a
 * reloaded page comes back on a new connection). Each id holds a state relayed to everyone.
 */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;
/** An authenticated socket that sends nothing for this long (ms) is closed (awareness renews every 15 s). */
export const IDLE_TIMEOUT_MS = 30_000;
/** Transport pings detect half-open TCP connections (ms between pings). */
export const PING_INTERVAL_MS = 10_000;
/** A client that does not drain its outgoing buffer past this (bytes) is too slow and is dropped. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** Connection caps: in total and per client address. */
export const MAX_CONNECTIONS = 5000;
/** Most bytes of updates Hocuspocus merges into one broadcast (see createServer.ts). */
export const BROADCAST_BATCH_BYTES = 1024;
export const MAX_CONNECTIONS_PER_ADDRESS = 200;
/**
 * How often (ms) live connections are checked for an expired link: an idle reader is closed at
 * most this late (a write after expiry is refused at once).
 */
export const LINK_SWEEP_INTERVAL_MS = 1000;
/**
 * How often (ms) the links of live connections are re-read from the store: the backstop for a
 * revocation whose message another instance missed (Redis down when it was sent).
 */
export const LINK_RECHECK_INTERVAL_MS = 30_000;

export { CLOSE, type CloseReason };

/** Thrown from a hook to make Hocuspocus close that connection with our code and reason. */
export class CloseError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly kind: CloseReason;

  constructor(kind: CloseReason, detail?: string) {
    const { code, reason } = CLOSE[kind];
    super(detail ? `${reason}: ${detail}` : reason);
    this.kind = kind;
    this.code = code;
    this.reason = detail ? `${reason}: ${detail}`.slice(0, 120) : reason;
  }
}

/**
 * Closes a whole socket (every document on it), not just the connection a hook runs for: what
 * the guards of a socket's messages (UpdateGuard, Presence) are given to reject with.
 */
export type CloseSocket = (kind: CloseReason, socketKey: unknown, reason: string) => void;

export interface Limits {
  readonly maxFrameBytes: number;
  readonly maxUpdateBytes: number;
  readonly maxValueDepth: number;
  readonly messageRatePerSecond: number;
  readonly messageBurst: number;
  readonly authTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly pingIntervalMs: number;
  readonly maxBufferedBytes: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerAddress: number;
  readonly maxUnauthenticatedConnections: number;
  readonly maxUnauthenticatedConnectionsPerAddress: number;
  readonly maxUnauthenticatedBytes: number;
  readonly maxAwarenessStateBytes: number;
  readonly maxAwarenessClientsPerConnection: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  maxUpdateBytes: MAX_UPDATE_BYTES,
  maxValueDepth: MAX_VALUE_DEPTH,
  messageRatePerSecond: MESSAGE_RATE_PER_SECOND,
  messageBurst: MESSAGE_BURST,
  authTimeoutMs: AUTH_TIMEOUT_MS,
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  pingIntervalMs: PING_INTERVAL_MS,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  maxConnections: MAX_CONNECTIONS,
  maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS,
  maxUnauthenticatedConnections: MAX_UNAUTHENTICATED_CONNECTIONS,
  maxUnauthenticatedConnectionsPerAddress: MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS,
  maxUnauthenticatedBytes: MAX_UNAUTHENTICATED_BYTES,
  maxAwarenessStateBytes: MAX_AWARENESS_STATE_BYTES,
  maxAwarenessClientsPerConnection: MAX_AWARENESS_CLIENTS_PER_CONNECTION,
};
