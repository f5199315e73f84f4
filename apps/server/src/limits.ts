/**
 * Limits and close codes of the sync endpoint, with their units and why. One place, so the
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
/** A socket must authenticate a document within this time (ms) or it is closed. */
export const AUTH_TIMEOUT_MS = 30_000;
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

/** Close codes we send (4000–4999 is the application range; Hocuspocus uses 44xx too). */
export const CLOSE = {
  malformedUpdate: { code: 4400, reason: "Malformed update" },
  unsupportedMessage: { code: 4415, reason: "Unsupported message type" },
  updateTooLarge: { code: 4413, reason: "Update too large" },
  tooManyMessages: { code: 4429, reason: "Too many messages" },
  authTimeout: { code: 4408, reason: "Authentication timeout" },
  idleTimeout: { code: 4409, reason: "Idle timeout" },
  storeFailed: { code: 4503, reason: "Could not save the update" },
  tooSlow: { code: 4504, reason: "Client too slow" },
} as const;

export type CloseReason = keyof typeof CLOSE;

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
};
