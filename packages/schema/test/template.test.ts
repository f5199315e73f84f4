import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { BUILT_IN_LANE_KINDS, createMapFromTemplate, readJourneyMap } from "../src/index.ts";
import { MapEditor } from "../src/MapEditor.ts";
import { MapReader } from "../src/read/MapReader.ts";
import { DEFAULT_TEMPLATE } from "../src/templates/default.ts";
import { TEMPLATES } from "../src/templates/index.ts";
import { checkInvariants } from "../src/testing/index.ts";

describe("template and read model", () => {
  it("creates the default map with six phases, a persona and the built-in lanes", () => {
    const doc = new Y.Doc();
    expect(createMapFromTemplate(doc, "default")).toBe(true);
    const map = readJourneyMap(doc);
    expect(map.phases.map((p) => p.name)).toEqual(DEFAULT_TEMPLATE.phases.map((p) => p.name));
    expect(map.phases[0]?.name).toBe("Awareness");
    expect(map.phases).toHaveLength(6);
    expect(map.personas).toHaveLength(1);
    expect(map.lanes.map((l) => l.kind)).toEqual(BUILT_IN_LANE_KINDS);
    expect(map.touchpoints.length).toBeGreaterThan(5);
    expect(map.emotions.size).toBe(map.touchpoints.length);
    expect(map.cells.size).toBeGreaterThan(0);
  });

  it("INV-R8: keeps the incremental reader equal to a full read, sharing unchanged parts", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default");
    const reader = new MapReader(doc);
    const editor = new MapEditor(doc);
    const first = reader.read();
    const phase = first.phases[1]!;
    editor.updatePhase(phase.id, { name: "Compare" });
    const tp = editor.addTouchpoint({ phaseId: phase.id, name: "Asks a friend", index: 0 });
    editor.moveTouchpoint(tp, first.phases[0]!.id, 1);
    expect(reader.read()).toEqual(readJourneyMap(doc));
    expect(reader.read().personas).toBe(first.personas);
  });
});

describe("templates", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s seeds a valid map in one transaction",
    (_id, template) => {
      const doc = new Y.Doc();
      let transactions = 0;
      doc.on("afterTransaction", () => transactions++);
      createMapFromTemplate(doc, template.id);
      expect(transactions).toBe(1);
      const map = readJourneyMap(doc);
      checkInvariants(map, doc);
      expect(map.meta.title).toBe(template.title);
      expect(map.phases).toHaveLength(template.phases.length);
      expect(map.personas).toHaveLength(template.personas.length);
      const touchpoints = template.phases.reduce((n, p) => n + p.touchpoints.length, 0);
      expect(map.touchpoints).toHaveLength(touchpoints);
      expect(createMapFromTemplate(doc, template.id)).toBe(false);
    },
  );
});
