import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_LANE_KINDS,
  CURRENT_SCHEMA_VERSION,
  createMapFromTemplate,
  migrateMap,
  readJourneyMap,
} from "../src/index.ts";
import { updatesDuring } from "./support/seededMap.ts";

const V0 = readFileSync(new URL("./fixtures/v0-map.bin", import.meta.url));

function loadFixture(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, V0);
  return doc;
}

function migratedFixture(): Y.Doc {
  const doc = loadFixture();
  migrateMap(doc);
  return doc;
}

function defaultMap(): Y.Doc {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default");
  return doc;
}

describe("migrations", () => {
  it("INV-V1: migrates the v0 fixture to positions and built-in lanes", () => {
    const doc = loadFixture();
    expect(migrateMap(doc)).toEqual(["position-as-one-value", "built-in-lanes", "channel-lists"]);
    const map = readJourneyMap(doc);
    expect(map.meta.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(map.phases.map((p) => p.name)).toEqual(["Discover", "Sign up"]);
    expect(map.touchpoints.map((t) => t.name)).toEqual([
      "Reads the blog",
      "Sees an ad",
      "Fills in the form",
    ]);
    // The custom lane the v0 map had first, then the built-in lanes in their usual order.
    expect(map.lanes.map((l) => l.kind)).toEqual(["text", ...BUILT_IN_LANE_KINDS]);
    expect(map.lanes[0]?.name).toBe("Backstage");
  });

  it("INV-V2: two clients migrating the same document at once converge", () => {
    const a = loadFixture();
    const b = loadFixture();
    migrateMap(a);
    migrateMap(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readJourneyMap(a)).toEqual(readJourneyMap(b));
    expect(readJourneyMap(a).lanes).toHaveLength(7);
    expect(readJourneyMap(a).touchpoints).toHaveLength(3);
  });

  it.each([
    ["migrating again changes nothing", migratedFixture],
    ["a freshly created map needs no migration", defaultMap],
  ])("INV-V3: %s", (_, load) => {
    const doc = load();
    expect(updatesDuring(doc, () => expect(migrateMap(doc)).toEqual([]))).toBe(0);
  });

  it("INV-V4: leaves empty documents and documents from a newer version alone", () => {
    const empty = new Y.Doc();
    expect(migrateMap(empty)).toEqual([]);
    expect(empty.share.size).toBeGreaterThanOrEqual(0);
    const newer = loadFixture();
    newer.getMap("meta").set("schemaVersion", CURRENT_SCHEMA_VERSION + 1);
    expect(migrateMap(newer)).toEqual([]);
    expect(readJourneyMap(newer).meta.schemaVersion).toBe(CURRENT_SCHEMA_VERSION + 1);
  });
});
