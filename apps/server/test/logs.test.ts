/**
 * The server log is one JSON object per line, whatever clients send: untrusted values travel
 * as escaped fields, never raw inside a message. The real server runs as a child process, so
 * everything it writes (libraries included) is what an operator's log collector would read.
 */
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import { startServerProcess } from "@journeymap/testkit";
import { expect, it, onTestFinished } from "vitest";
import { RawClient } from "./support/RawClient.ts";

it("H18: a newline in a document name forges no line in the server log", async () => {
  // As an operator runs it (default log level), with everything it writes to stdout and stderr.
  const server = await startServerProcess({ env: { LOG_LEVEL: "info" }, captureOutput: true });
  onTestFinished(() => server.dispose());
  const forged = JSON.stringify({ level: 60, msg: "FORGED admin logged in" });
  const client = await RawClient.open(server.wsUrl);
  await client.authenticate(`${DOCUMENT_PREFIX.map}AAAAAAAA\n${forged}\n`, "jm1.x.y");
  // The refusal is logged once the server has tried the name; wait for it to reach the pipe.
  const deadline = Date.now() + 20_000;
  while (!server.output().includes("FORGED") && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  client.ws.terminate();
  await server.stop("SIGTERM");

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
