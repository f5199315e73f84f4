/**
 * The y-websocket reference server (@y/websocket-server 0.1.1, in memory), run as its own
 * process by the benchmark: `node referenceServer.ts <port>`.
 */
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((_req, res) => {
  res.writeHead(200);
  res.end("ok");
});
const wss = new WebSocketServer({ noServer: true });
wss.on("connection", (ws, req) => setupWSConnection(ws, req, { gc: true }));
server.on("upgrade", (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)),
);
server.listen(port, "127.0.0.1", () => console.log("ready"));
