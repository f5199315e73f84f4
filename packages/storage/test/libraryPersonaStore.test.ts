/** The workspace persona library's store, the same contract on SQLite and PostgreSQL (issue 19). */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type LibraryPersonaRecord,
  type LibraryPersonaStore,
  type MapStore,
  PostgresMapStore,
  SqliteMapStore,
  storeFileIn,
} from "../src/index.ts";
import { createTestDatabase, postgresAvailable } from "../src/testing/index.ts";

const available = await postgresAvailable();

const persona = (id: string, name: string, workspaceId = "w1"): LibraryPersonaRecord => ({
  id,
  workspaceId,
  name,
  role: "First-time buyer",
  quote: "I just want it to work.",
  colour: "#3366cc",
  fields: { occupation: "Nurse", goals: "Save time\nPay less" },
  createdBy: "u-ana",
  createdAt: 10,
  updatedBy: "u-ana",
  updatedAt: 10,
  archivedAt: null,
});

function personaContract(
  name: string,
  open: () => Promise<{ store: MapStore; dispose(): Promise<void> }>,
) {
  describe(`${name} library persona store`, () => {
    let store: MapStore;
    let personas: LibraryPersonaStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      personas = store.libraryPersonas();
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it("keeps a workspace's personas apart from another's and lists them by name", async () => {
      await personas.createPersona(persona("p2", "Sam"));
      await personas.createPersona(persona("p1", "Ada"));
      await personas.createPersona(persona("p3", "Zed", "w2"));
      expect(await personas.getPersona("w1", "p1")).toEqual(persona("p1", "Ada"));
      expect(await personas.getPersona("w2", "p1")).toBeNull();
      expect((await personas.listPersonas("w1", 10)).map((p) => p.id)).toEqual(["p1", "p2"]);
      expect((await personas.listPersonas("w1", 1)).map((p) => p.id)).toEqual(["p1"]);
    });

    it("replaces a persona's content in its own workspace only, and archives it", async () => {
      await personas.createPersona(persona("p1", "Ada"));
      const edited = {
        ...persona("p1", "Ada Byron"),
        fields: { occupation: "Engineer" },
        updatedBy: "u-bob",
        updatedAt: 20,
      };
      expect(await personas.updatePersona({ ...edited, workspaceId: "w2" })).toBe(false);
      expect(await personas.updatePersona(edited)).toBe(true);
      expect(await personas.getPersona("w1", "p1")).toEqual(edited);
      expect(await personas.archivePersona("w2", "p1", 30)).toBe(false);
      expect(await personas.archivePersona("w1", "p1", 30)).toBe(true);
      expect((await personas.getPersona("w1", "p1"))?.archivedAt).toBe(30);
      expect(await personas.archivePersona("w1", "p1", null)).toBe(true);
      expect((await personas.getPersona("w1", "p1"))?.archivedAt).toBeNull();
    });
  });
}

personaContract("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "journeymap-personas-"));
  return {
    store: new SqliteMapStore(storeFileIn(dir)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!available)("PostgreSQL", () => {
  personaContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    return { store: await PostgresMapStore.open(db.url), dispose: () => db.drop() };
  });
});
