/**
 * The WebSocket side of the sync endpoint: everything that happens before and around
 * Hocuspocus for one socket. Upgrade only on /sync; connection caps in total and per client
 * address (behind trusted proxies, the forwarded one); a per-socket message rate (token
 * bucket); an idle timeout; transport pings to find half-open connections (a pong is a sign
 * of life: a client that only listens is not idle; a socket that sent a message since the last
 * round is not pinged); slow consumers dropped.
 *
 * Before authentication: sockets that have not authenticated have their own, smaller caps, and
 * when those are full the oldest waiting socket makes room, so a flood of idle sockets cannot
 * keep a real client out. Messages for a document not opened yet are held by Hocuspocus until
 * it is authenticated, so they are counted here (PendingDocuments): a socket that holds too
 * many bytes, or leaves any document unauthenticated past the deadline, is closed, which makes
 * Hocuspocus let go of them. Hocuspocus' answers to authentication are read on the way out to
 * know when a socket has authenticated and when a refused document's messages were dropped.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import type { Connection, Hocuspocus, WebSocketLike } from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import { SYNC_PATH } from "@journeymap/protocol";
import { clientAddressOf, TRUST_NONE, type TrustProxy } from "../clientAddress.ts";
import { CLOSE, type CloseReason, type Limits } from "../limits.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../Metrics.ts";
import { HeldMessages, type HeldTarget } from "./HeldMessages.ts";
import { AUTH, documentOf, isHeldUntilSaved, readMessageHeader } from "./messageHeader.ts";
import { PendingDocuments } from "./PendingDocuments.ts";

interface SocketState {
  readonly ws: WebSocket;
  readonly address: string;
  readonly openedAt: number;
  lastMessageAt: number;
  /** Has authenticated a document (Hocuspocus answered "authenticated"). */
  authenticated: boolean;
  readonly pending: PendingDocuments;
  alive: boolean;
  /** Has sent a message since the last ping round: alive without being asked. */
  sentSincePing: boolean;
  tokens: number;
  refilledAt: number;
}

function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  return headers;
}

/** How long (ms) a socket closed by the gate may take to answer the close handshake. */
const CLOSE_GRACE_MS = 10_000;

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface GateOptions {
  /** Which peers are proxies whose X-Forwarded-For names the client (config.trustProxy). */
  readonly trustProxy?: TrustProxy;
  readonly now?: () => number;
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

export class WebSocketGate {
  private readonly wss: WebSocketServer;
  /** In the order they opened: the first unauthenticated one is the oldest. */
  private readonly sockets = new Map<string, SocketState>();
  private readonly perAddress = new Map<string, number>();
  private readonly unauthenticatedPerAddress = new Map<string, number>();
  private unauthenticated = 0;
  private readonly trustProxy: TrustProxy;
  private readonly timer: NodeJS.Timeout;
  private nextId = 0;
  private readonly hocuspocus: Hocuspocus;
  private readonly limits: Limits;
  private readonly log: Logger;
  private readonly metrics: Metrics;
  private readonly now: () => number;

  constructor(
    hocuspocus: Hocuspocus,
    limits: Limits,
    log: Logger,
    metrics: Metrics,
    options: GateOptions = {},
  ) {
    this.hocuspocus = hocuspocus;
    this.limits = limits;
    this.log = log;
    this.metrics = metrics;
    this.trustProxy = options.trustProxy ?? TRUST_NONE;
    this.now = options.now ?? Date.now;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
    const tick = Math.max(
      50,
      Math.min(limits.pingIntervalMs, limits.authTimeoutMs, limits.idleTimeoutMs) / 4,
    );
    this.timer = setInterval(this.sweep, tick);
    this.timer.unref();
  }

  /**
   * Called by the `connected` hook: Hocuspocus has handed the document what it held, and
   * messages for it go straight to it until it closes.
   */
  documentOpened(socketKey: unknown, connection: Connection): void {
    const state = typeof socketKey === "string" ? this.sockets.get(socketKey) : undefined;
    if (!state) return;
    const address = connection.messageAddress;
    state.pending.opened(address);
    connection.onClose(() => state.pending.closed(address));
  }

  handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== SYNC_PATH) {
      this.metrics.rejected.inc({ reason: "wrongPath" });
      refuse(socket, "404 Not Found");
      return;
    }
    const address = clientAddressOf(req, this.trustProxy);
    // A full cap first makes room by closing the oldest socket still waiting to authenticate.
    if (this.sockets.size >= this.limits.maxConnections && !this.displaceOldestWaiting(null)) {
      this.metrics.rejected.inc({ reason: "maxConnections" });
      refuse(socket, "503 Service Unavailable");
      return;
    }
    if (
      ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress ||
        (this.unauthenticatedPerAddress.get(address) ?? 0) >=
          this.limits.maxUnauthenticatedConnectionsPerAddress) &&
      !this.displaceOldestWaiting(address)
    ) {
      this.metrics.rejected.inc({ reason: "maxConnectionsPerAddress" });
      refuse(socket, "429 Too Many Requests");
      return;
    }
    if (this.unauthenticated >= this.limits.maxUnauthenticatedConnections) {
      this.displaceOldestWaiting(null);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, req, address));
  };

  /** Closes the oldest socket still waiting to authenticate (of `address`, or of anyone). */
  private displaceOldestWaiting(address: string | null): boolean {
    for (const [key, state] of this.sockets) {
      if (state.authenticated || (address !== null && state.address !== address)) continue;
      this.close(key, "displaced");
      return true;
    }
    return false;
  }

  private accept(ws: WebSocket, raw: Duplex, req: http.IncomingMessage, address: string): void {
    const key = `s${this.nextId++}`;
    const now = this.now();
    const state: SocketState = {
      ws,
      address,
      openedAt: now,
      lastMessageAt: now,
      authenticated: false,
      pending: new PendingDocuments(),
      alive: true,
      sentSincePing: false,
      tokens: this.limits.messageBurst,
      refilledAt: now,
    };
    this.sockets.set(key, state);
    increment(this.perAddress, address, 1);
    increment(this.unauthenticatedPerAddress, address, 1);
    this.unauthenticated += 1;
    this.metrics.connections.set(this.sockets.size);

    // Where held messages go once their appends have committed.
    const held: HeldTarget<Uint8Array> = {
      send: (data) => {
        if (ws.readyState !== ws.OPEN) return;
        const corking = this.corking;
        if (corking !== null && !corking.has(raw)) {
          raw.cork();
          corking.add(raw);
        }
        ws.send(data);
      },
    };
    // Hocuspocus sends, closes and reads readyState, nothing else.
    const socket: WebSocketLike = {
      get readyState() {
        return ws.readyState;
      },
      send: (data) => {
        if (!state.authenticated || state.pending.waitingCount > 0) this.noticeAnswer(state, data);
        const document = this.held.size > 0 ? this.heldDocumentOf(data) : null;
        if (document !== null) {
          // Neither acknowledged nor relayed before it is in the log, and never if its append
          // failed (the document's sockets are closed then; the clients re-send).
          this.held.push(document, held, data as Uint8Array);
          return;
        }
        ws.send(data);
      },
      close: (code, reason) => ws.close(code, reason),
    };

    const request = new Request(
      new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`),
      {
        headers: toHeaders(req),
      },
    );
    const connection = this.hocuspocus.handleConnection(socket, request, { socketKey: key });

    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      // Closed by the gate: what the client sent before reading the close frame is dropped.
      if (this.sockets.get(key) !== state) return;
      if (!this.allow(state)) {
        this.close(key, "tooManyMessages");
        return;
      }
      const now = this.now();
      state.lastMessageAt = now;
      // A message is a sign of life as good as a pong: a client busy sending a long burst may
      // not run its event loop to answer pings, yet it is plainly not a half-open connection.
      state.alive = true;
      state.sentSincePing = true;
      // ws hands over a Buffer of its own (binaryType "nodebuffer"): a view, not another copy.
      const bytes = Array.isArray(data)
        ? Buffer.concat(data)
        : data instanceof ArrayBuffer
          ? Buffer.from(data)
          : data;
      const message = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Unreadable headers pass: Hocuspocus closes the socket for them.
      const header = readMessageHeader(message);
      if (
        header &&
        !state.pending.isOpen(header.address) &&
        state.pending.hold(header.address, message.byteLength, now) >
          this.limits.maxUnauthenticatedBytes
      ) {
        this.close(key, "unauthenticatedBacklog");
        return;
      }
      connection.handleMessage(message);
    });
    ws.on("pong", () => {
      state.alive = true;
      state.lastMessageAt = this.now();
      // Hocuspocus' own timeout (our backstop) counts only messages otherwise.
      connection.lastMessageReceivedAt = Date.now();
    });
    ws.on("close", (code, reason) => {
      this.forget(key);
      connection.handleClose({ code, reason: reason.toString() });
    });
    ws.on("error", (error) => {
      this.metrics.rejected.inc({ reason: "socketError" });
      this.log.warn({ err: error.message, address }, "websocket error");
    });
  }

  /** Reads Hocuspocus' answers to authentication on their way to the client. */
  private noticeAnswer(state: SocketState, data: unknown): void {
    if (!(data instanceof Uint8Array)) return;
    const header = readMessageHeader(data);
    if (header?.authType === AUTH.authenticated) this.authenticated(state);
    else if (header?.authType === AUTH.permissionDenied) state.pending.dropped(header.address);
  }

  private authenticated(state: SocketState): void {
    if (state.authenticated) return;
    state.authenticated = true;
    this.unauthenticated -= 1;
    increment(this.unauthenticatedPerAddress, state.address, -1);
  }

  /** Token bucket: refill at the sustained rate, spend one token per message. */
  private allow(state: SocketState): boolean {
    const now = this.now();
    const refill = ((now - state.refilledAt) / 1000) * this.limits.messageRatePerSecond;
    state.tokens = Math.min(this.limits.messageBurst, state.tokens + refill);
    state.refilledAt = now;
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  /**
   * Holds a document's sync messages and acknowledgements, on every socket, until `appended`
   * settles. Persistence appends a client's update without waiting for the commit before
   * Hocuspocus applies it, so the appends of one turn share a commit; what would tell anyone
   * about the update (its acknowledgement, its relay, a state sent to a joining client) waits
   * here instead. A message waits for every append of its document started before it
   * (HeldMessages), so messages keep their order.
   */
  holdDocument(documentName: string, appended: Promise<unknown>): void {
    this.held.hold(documentName, appended);
  }

  /** The document an outgoing message must wait for (see holdDocument), or null to send it now. */
  private heldDocumentOf(data: unknown): string | null {
    if (!(data instanceof Uint8Array)) return null;
    const header = readMessageHeader(data);
    if (header === null || !isHeldUntilSaved(header.type)) return null;
    const document = documentOf(header.address);
    return this.held.isHolding(document) ? document : null;
  }

  /**
   * Sends what `send` releases with every socket it writes to corked, then uncorks them: a
   * socket's acknowledgements and relays of one group commit leave in one write.
   */
  private corked = (send: () => void): void => {
    const sockets = new Set<Duplex>();
    this.corking = sockets;
    try {
      send();
    } finally {
      this.corking = null;
      for (const raw of sockets) raw.uncork();
    }
  };

  /** Closes a socket by the key Hocuspocus hooks see in their context (for rejected input). */
  closeSocket(socketKey: unknown, kind: CloseReason, reason?: string): void {
    if (typeof socketKey === "string") this.close(socketKey, kind, reason);
  }

  private close(key: string, kind: CloseReason, detail?: string): void {
    const state = this.sockets.get(key);
    if (!state) return;
    this.metrics.rejected.inc({ reason: kind });
    this.log.info({ address: state.address, reason: kind }, "closing socket");
    const { code, reason } = CLOSE[kind];
    // A close reason must fit in 123 bytes.
    state.ws.close(
      code,
      Buffer.from(detail ?? reason)
        .subarray(0, 123)
        .toString(),
    );
    // A client that ignores the close handshake is cut off after a grace period, long enough for
    // one busy in a long send loop to read the close frame when its loop ends: cutting it off
    // sooner resets the connection under that frame, and the client sees an abnormal close
    // (1006) instead of the documented code.
    setTimeout(() => state.ws.terminate(), CLOSE_GRACE_MS).unref();
    this.forget(key);
  }

  private forget(key: string): void {
    const state = this.sockets.get(key);
    if (!state) return;
    this.sockets.delete(key);
    increment(this.perAddress, state.address, -1);
    if (!state.authenticated) {
      this.unauthenticated -= 1;
      increment(this.unauthenticatedPerAddress, state.address, -1);
    }
    this.metrics.connections.set(this.sockets.size);
  }

  private lastPing = 0;
  /** Messages of documents with appends not yet committed (see holdDocument). */
  private readonly held = new HeldMessages<Uint8Array>({ batch: (send) => this.corked(send) });
  /** The sockets corked by the release under way, if one is. */
  private corking: Set<Duplex> | null = null;

  private sweep = (): void => {
    const now = this.now();
    const ping = now - this.lastPing >= this.limits.pingIntervalMs;
    if (ping) this.lastPing = now;
    for (const [key, state] of this.sockets) {
      const waitingSince = state.authenticated ? state.pending.oldestSince() : state.openedAt;
      if (waitingSince !== null && now - waitingSince > this.limits.authTimeoutMs) {
        this.close(key, "authTimeout");
      } else if (state.authenticated && now - state.lastMessageAt > this.limits.idleTimeoutMs) {
        this.close(key, "idleTimeout");
      } else if (state.ws.bufferedAmount > this.limits.maxBufferedBytes) {
        this.close(key, "tooSlow");
      } else if (ping) {
        if (!state.alive) {
          // No pong since the last ping: the peer is gone (half-open TCP).
          this.metrics.rejected.inc({ reason: "halfOpen" });
          state.ws.terminate();
          this.forget(key);
          continue;
        }
        // Most live clients send something every interval (presence renews every 15 s), which
        // already proves them alive: pinging thousands of idle sockets anyway costs CPU.
        if (state.sentSincePing) {
          state.sentSincePing = false;
          continue;
        }
        state.alive = false;
        state.ws.ping();
      }
    }
  };

  get size(): number {
    return this.sockets.size;
  }

  closeAll(): void {
    clearInterval(this.timer);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
