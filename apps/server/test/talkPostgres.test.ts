/**
 * The talk document on PostgreSQL, whose log references the maps table: the first write
 * gives the talk key its own untitled row, which the map list (filtered by share tokens) never
 * shows; submissions are logged, checkpointed and reloaded after a restart.
 */
import { readTalk } from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { talkDocumentName } from "@journeymap/protocol";
import { removeDir, startServer, tempDir, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";
import { connect } from "./support/clients.ts";
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from "@journeymap/storage/testing";

const available = await postgresAvailable();
let db: TestDatabase;
let server: TestServer;
const dataDir = tempDir();

beforeAll(async () => {
  if (!available) return;
  db = await createTestDatabase();
  server = await startServer({ dataDir, databaseUrl: db.url });
});

afterAll(async () => {
  if (!available) return;
  await server.close();
  await db.drop();
  removeDir(dataDir);
});

describe.runIf(available)("talk document on PostgreSQL", () => {
  it("logs submissions and reloads them after a restart; the map list shows only maps", async () => {
    const mapId = await createMap(server, { title: "PG talk" });
    const res = await fetch(`${server.url}/api/maps/${mapId}/inbox`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ownerToken(mapId)}` },
      body: JSON.stringify({ text: "Slow checkout", contributor: "Ana", kind: "quote" }),
    });
    expect(res.status).toBe(201);
    expect(await server.store.countUpdates(talkDocumentName(mapId))).toBeGreaterThan(0);
    const lookup = await fetch(`${server.url}/api/maps/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        maps: [
          { mapId, token: ownerToken(mapId) },
          { mapId: talkDocumentName(mapId), token: ownerToken(mapId) },
        ],
      }),
    });
    expect(((await lookup.json()) as { id: string }[]).map((m) => m.id)).toEqual([mapId]);
    await server.close();
    server = await startServer({ dataDir, databaseUrl: db.url });
    const client = await connect(server, talkDocumentName(mapId), ownerToken(mapId));
    expect(readTalk(client.doc).inbox.map((i) => i.text)).toEqual(["Slow checkout"]);
    client.destroy();
  });
});
