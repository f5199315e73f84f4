/**
 * The WebSocket side of the sync endpoint: everything that happens before and around
 * Hocuspocus for one socket. Upgrade only on /sync; connection caps in total and per address;
 * a per-socket message rate (token bucket); an authentication deadline and an idle timeout;
 * transport pings to find half-open connections; slow consumers dropped.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import { CLOSE, type CloseReason, type Limits } from "../limits.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";

export const SYNC_PATH = "/sync";

interface SocketState {
  readonly ws: WebSocket;
  readonly address: string;
  readonly openedAt: number;
  lastMessageAt: number;
  authenticated: boolean;
  alive: boolean;
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

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class WebSocketGate {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<string, SocketState>();
  private readonly perAddress = new Map<string, number>();
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
    now = Date.now,
  ) {
    this.hocuspocus = hocuspocus;
    this.limits = limits;
    this.log = log;
    this.metrics = metrics;
    this.now = now;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
    const tick = Math.max(
      50,
      Math.min(limits.pingIntervalMs, limits.authTimeoutMs, limits.idleTimeoutMs) / 4,
    );
    this.timer = setInterval(this.sweep, tick);
    this.timer.unref();
  }

  /** Called by the `connected` hook: the socket has authenticated at least one document. */
  markAuthenticated(socketKey: unknown): void {
    const state = typeof socketKey === "string" ? this.sockets.get(socketKey) : undefined;
    if (state) state.authenticated = true;
  }

  handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== SYNC_PATH) {
      this.metrics.rejected.inc({ reason: "wrongPath" });
      refuse(socket, "404 Not Found");
      return;
    }
    const address = req.socket.remoteAddress ?? "unknown";
    if (this.sockets.size >= this.limits.maxConnections) {
      this.metrics.rejected.inc({ reason: "maxConnections" });
      refuse(socket, "503 Service Unavailable");
      return;
    }
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      this.metrics.rejected.inc({ reason: "maxConnectionsPerAddress" });
      refuse(socket, "429 Too Many Requests");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req, address));
  };

  private accept(ws: WebSocket, req: http.IncomingMessage, address: string): void {
    const key = `s${this.nextId++}`;
    const now = this.now();
    const state: SocketState = {
      ws,
      address,
      openedAt: now,
      lastMessageAt: now,
      authenticated: false,
      alive: true,
      tokens: this.limits.messageBurst,
      refilledAt: now,
    };
    this.sockets.set(key, state);
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    this.metrics.connections.set(this.sockets.size);

    const request = new Request(
      new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`),
      {
        headers: toHeaders(req),
      },
    );
    const connection = this.hocuspocus.handleConnection(ws, request, { socketKey: key });

    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      if (!this.allow(state)) {
        this.close(key, "tooManyMessages");
        return;
      }
      state.lastMessageAt = this.now();
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    ws.on("pong", () => {
      state.alive = true;
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
    // A client that ignores the close handshake is cut off shortly after.
    setTimeout(() => state.ws.terminate(), 1000).unref();
    this.forget(key);
  }

  private forget(key: string): void {
    const state = this.sockets.get(key);
    if (!state) return;
    this.sockets.delete(key);
    const left = (this.perAddress.get(state.address) ?? 1) - 1;
    if (left <= 0) this.perAddress.delete(state.address);
    else this.perAddress.set(state.address, left);
    this.metrics.connections.set(this.sockets.size);
  }

  private lastPing = 0;

  private sweep = (): void => {
    const now = this.now();
    const ping = now - this.lastPing >= this.limits.pingIntervalMs;
    if (ping) this.lastPing = now;
    for (const [key, state] of this.sockets) {
      if (!state.authenticated && now - state.openedAt > this.limits.authTimeoutMs) {
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
