/**
 * Wires the server: one HTTP server for the API and the web app, WebSocket upgrades on
 * /sync handed to Hocuspocus, and the SQLite store. main.ts only reads config and signals.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import type { Config } from "./config.ts";
import { createHttpApp } from "./http/createHttpApp.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { MapStore } from "./store/MapStore.ts";
import { PostgresMapStore } from "./store/PostgresMapStore.ts";
import { SqliteMapStore } from "./store/SqliteMapStore.ts";
import { Access } from "./sync/access.ts";
import { Persistence } from "./sync/persistence.ts";

export const SYNC_PATH = "/sync";
/** Largest WebSocket frame accepted; a bigger one closes that connection (1009). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** How long shutdown waits for documents to be stored and unloaded. */
const SHUTDOWN_STORE_TIMEOUT_MS = 5000;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly store: MapStore;
  readonly hocuspocus: Hocuspocus;
  /** Stores every loaded document, closes connections and the store. */
  close(): Promise<void>;
}

function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  return headers;
}

export async function createServer(config: Config, logger?: Logger): Promise<RunningServer> {
  const log = logger ?? createLogger(config.logLevel);
  const store: MapStore = config.databaseUrl
    ? await PostgresMapStore.open(config.databaseUrl)
    : new SqliteMapStore(path.join(config.dataDir, "journeymap.sqlite"));
  const hocuspocus = new Hocuspocus({
    name: "journeymap",
    quiet: true,
    extensions: [new Access(store), new Persistence(store, log)],
  });
  const app = createHttpApp({ store, webDist: config.webDist, log });
  const server = http.createServer(getRequestListener(app.fetch));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== SYNC_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const request = new Request(
        new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`),
        {
          headers: toHeaders(req),
        },
      );
      const connection = hocuspocus.handleConnection(ws, request, {});
      ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
      ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      ws.on("error", (error) => log.warn({ err: error }, "websocket error"));
    });
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === "0.0.0.0" ? "localhost" : config.host;
  log.info(
    { port, dataDir: config.dataDir },
    `Journeymap listening on http://${shownHost}:${port}`,
  );

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    store,
    hocuspocus,
    close: () => {
      closing ??= (async () => {
        // Stop taking connections, close the open ones, then let Hocuspocus store and unload
        // every document before the store goes away.
        server.close();
        hocuspocus.closeConnections();
        for (const client of wss.clients) client.terminate();
        const deadline = Date.now() + SHUTDOWN_STORE_TIMEOUT_MS;
        do {
          await hocuspocus.flushPendingStores();
          await new Promise((r) => setTimeout(r, 20));
        } while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline);
        server.closeAllConnections();
        await store.close();
      })();
      return closing;
    },
  };
}
