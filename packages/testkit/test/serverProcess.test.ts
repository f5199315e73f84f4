/**
 * The kit against the real server process: it starts healthy on its own port and folder, maps
 * and links come from the HTTP API, a provider's edits are confirmed and survive a restart on
 * the same port, and dispose leaves no folder behind.
 */
import { existsSync } from "node:fs";
import { mapDocumentName, ROLE } from "@journeymap/protocol";
import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { expect, it } from "vitest";
import {
  connectProvider,
  createMapOverHttp,
  type ServerProcess,
  shareLinkOverHttp,
  startServerProcess,
} from "../src/index.ts";

// Spawns the server twice: seconds each on a loaded 2-core machine, up to the kit's start deadline.
it("starts, restarts on the same port and folder, and cleans up after itself", async () => {
  const server: ServerProcess = await startServerProcess();
  try {
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    const map = await createMapOverHttp(server.url, { title: "Kit" });
    const editor = await shareLinkOverHttp(server.url, map, { role: ROLE.editor });
    const client = await connectProvider({
      wsUrl: server.wsUrl,
      name: mapDocumentName(map.id),
      token: editor.token,
      displayName: "Kit",
    });
    new MapEditor(client.doc).updateMeta({ title: "Kept" });
    await client.confirmed();
    client.destroy();

    expect(await server.stop()).toBe(0);
    await server.start();
    const again = await connectProvider({
      wsUrl: server.wsUrl,
      name: mapDocumentName(map.id),
      token: map.token,
    });
    expect(readJourneyMap(again.doc).meta.title).toBe("Kept");
    again.destroy();
  } finally {
    await server.dispose();
  }
  expect(existsSync(server.dataDir)).toBe(false);
}, 240_000);
