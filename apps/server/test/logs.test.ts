/**
 * The server log is one JSON object per line, whatever clients send: untrusted values travel
 * as escaped fields, never raw inside a message. The real server runs as a child process, so
 * everything it writes (libraries included) is what an operator's log collector would read.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { removeDir, tempDir } from "./helpers.ts";
import { RawClient } from "./rawClient.ts";

const MAIN = path.join(import.meta.dirname, "../src/main.ts");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs) removeDir(dir);
});

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}

/** The server as an operator runs it, with everything it writes to stdout and stderr. */
async function spawnServer() {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, wsUrl: `ws://127.0.0.1:${port}/sync`, output: () => output };
}

it("H18: a newline in a document name forges no line in the server log", async () => {
  const server = await spawnServer();
  const forged = JSON.stringify({ level: 60, msg: "FORGED admin logged in" });
  const client = await RawClient.open(server.wsUrl);
  await client.authenticate(`map:AAAAAAAA\n${forged}\n`, "jm1.x.y");
  // The refusal is logged once the server has tried the name; wait for it to reach the pipe.
  const deadline = Date.now() + 20_000;
  while (!server.output().includes("FORGED") && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  client.ws.terminate();
  server.child.kill("SIGTERM");
  await once(server.child, "exit");

  const lines = server
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "");
  expect(server.output()).toContain("FORGED");
  for (const line of lines) {
    const entry = JSON.parse(line) as { msg?: string; service?: string };
    expect(entry.service, line).toBe("journeymap");
    expect(entry.msg, line).not.toContain("FORGED");
  }
}, 90_000);
