/**
 * The map list's lookup (POST /api/maps/lookup) runs on every visit of the map list: it must
 * read only the maps the caller asks about, whatever the number of maps stored.
 */
import { ROLE } from "@journeymap/protocol";
import { testMap } from "@journeymap/storage/testing";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(() => server.dispose());

describe("map lookup", () => {
  it("H4: reads only the asked maps, never the list of every map stored", async () => {
    const seed = Y.encodeStateAsUpdate(new Y.Doc());
    for (let i = 0; i < 300; i++) {
      await server.store.createMap(testMap(`other${String(i).padStart(6, "0")}`, "Other", i, seed));
    }
    const mine = [await createMap(server, { title: "Mine" }), await createMap(server)];
    const listMaps = vi.spyOn(server.store, "listMaps");
    const getMaps = vi.spyOn(server.store, "getMaps");
    try {
      const res = await fetch(`${server.url}/api/maps/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          maps: [
            ...mine.map((mapId) => ({ mapId, token: ownerToken(mapId) })),
            { mapId: "unknownMap01", token: ownerToken(mine[0]!) },
          ],
        }),
      });
      expect(res.status).toBe(200);
      const found = (await res.json()) as Array<{ id: string; role: string }>;
      expect(found.map((m) => m.id).sort()).toEqual([...mine].sort());
      expect(found.every((m) => m.role === ROLE.owner)).toBe(true);
      expect(listMaps).not.toHaveBeenCalled();
      expect(getMaps).toHaveBeenCalledTimes(1);
      expect([...getMaps.mock.calls[0]![0]].sort()).toEqual([...mine, "unknownMap01"].sort());
    } finally {
      listMaps.mockRestore();
      getMaps.mockRestore();
    }
  });
});
