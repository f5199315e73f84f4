/** A step's sub-journey link (issue 19): read, written, summarised and carried by the file. */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  importSnapshot,
  readJourneyMap,
  snapshotMap,
  summarizeMap,
  type TouchpointId,
} from "../src/index.ts";
import { readMapFile, serializeMapFile, toMapFile } from "../src/format/index.ts";
import { seededMap } from "./support/seededMap.ts";

const SUB_MAP = "subMap_0001";

function firstStep(doc: Y.Doc): { id: TouchpointId; entity: Y.Map<unknown> } {
  const id = readJourneyMap(doc).touchpoints[0]!.id;
  return { id, entity: doc.getMap("touchpoints").get(id) as Y.Map<unknown> };
}

describe("a step's sub-journey", () => {
  it("reads as null when absent or when the stored value is not a map id", () => {
    const { doc, map } = seededMap();
    expect(map().touchpoints.every((t) => t.subMapId === null)).toBe(true);
    const { entity } = firstStep(doc);
    for (const bad of ["short", "has space in it", 42, { id: SUB_MAP }, "x".repeat(65)]) {
      entity.set("subMapId", bad);
      expect(map().touchpoints[0]!.subMapId).toBeNull();
    }
  });

  it("is linked and unlinked through updateTouchpoint, and a bad id is refused", () => {
    const { doc, editor, map } = seededMap();
    const { id } = firstStep(doc);
    editor.updateTouchpoint(id, { subMapId: SUB_MAP });
    expect(map().touchpoints[0]!.subMapId).toBe(SUB_MAP);
    expect(() => editor.updateTouchpoint(id, { subMapId: "../etc" })).toThrow(/Not a map id/);
    expect(map().touchpoints[0]!.subMapId).toBe(SUB_MAP);
    editor.updateTouchpoint(id, { name: "Renamed" });
    expect(map().touchpoints[0]!.subMapId).toBe(SUB_MAP);
    editor.updateTouchpoint(id, { subMapId: null });
    expect(map().touchpoints[0]!.subMapId).toBeNull();
  });

  it("is carried by the map's summary", () => {
    const { doc, editor, map } = seededMap();
    const { id } = firstStep(doc);
    editor.updateTouchpoint(id, { subMapId: SUB_MAP });
    const steps = summarizeMap(map()).steps;
    expect(steps.find((s) => s.id === id)?.subMapId).toBe(SUB_MAP);
    expect(steps.filter((s) => s.id !== id).every((s) => s.subMapId === null)).toBe(true);
  });

  it("survives a round trip through the open file format", () => {
    const { doc, editor } = seededMap();
    const { id } = firstStep(doc);
    editor.updateTouchpoint(id, { subMapId: SUB_MAP });
    const text = serializeMapFile(toMapFile(snapshotMap(doc), new Date(0)));
    const written = JSON.parse(text).map.touchpoints as Array<Record<string, unknown>>;
    expect(written[0]!.subMapId).toBe(SUB_MAP);
    // Steps without a sub-journey are written as before: no key at all.
    expect(written.slice(1).every((t) => !("subMapId" in t))).toBe(true);
    const preview = readMapFile(text);
    expect(preview.errors).toEqual([]);
    const copy = new Y.Doc();
    importSnapshot(copy, preview.snapshot!);
    expect(readJourneyMap(copy).touchpoints.map((t) => t.subMapId)).toEqual(
      readJourneyMap(doc).touchpoints.map((t) => t.subMapId),
    );
  });

  it("in a file, refuses a malformed id and accepts null", () => {
    const { doc } = seededMap();
    const file = JSON.parse(serializeMapFile(toMapFile(snapshotMap(doc), new Date(0))));
    file.map.touchpoints[0].subMapId = null;
    expect(readMapFile(file).errors).toEqual([]);
    file.map.touchpoints[0].subMapId = "not an id!";
    expect(readMapFile(file).errors[0]!.path).toBe("map.touchpoints[0].subMapId");
  });
});
