/**
 * Stock Hocuspocus 4.7 with its own SQLite extension (a file store, no hooks of ours), run as
 * its own process by the benchmark: `node stockServer.ts <port> <database file>`. Issue 20
 * asks for our cost against this server, which already pays for Hocuspocus' hook chain and a
 * store: what we cost beyond it is our own code.
 */
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

const port = Number(process.argv[2] ?? 0);
const database = process.argv[3] ?? ":memory:";

const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database })],
});
await server.listen();
console.log("ready");
